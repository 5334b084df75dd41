import FlyingSocks

/// A byte array as an async sequence of unknown length, so FlyingFox sends it chunked.
struct ChunkedBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let bytes: [UInt8]

    func makeAsyncIterator() -> Iterator { Iterator(bytes: bytes[...]) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var bytes: ArraySlice<UInt8>

        mutating func next() async -> UInt8? { bytes.popFirst() }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard !bytes.isEmpty else { return nil }
            let chunk = bytes.prefix(Swift.max(1, count))
            bytes = bytes.dropFirst(chunk.count)
            return chunk
        }
    }
}
