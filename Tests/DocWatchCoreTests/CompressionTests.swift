import DocWatchCore
import Testing

@Suite("Compression")
struct CompressionTests {
    @Test("deflate then inflate gives the bytes back")
    func roundTrip() throws {
        let bytes = Array(String(repeating: "复工复产 docwatch ", count: 500).utf8)
        let packed = Compression.deflate(bytes)
        #expect(packed.count < bytes.count)
        #expect(try Compression.inflate(packed) == bytes)
    }

    @Test("corrupt data is an error, not a crash")
    func corrupt() {
        #expect(throws: Compression.Failure.self) { try Compression.inflate([0x78, 0x9c, 1, 2, 3]) }
    }

    @Test("output past the limit is refused")
    func limit() {
        let packed = Compression.deflate([UInt8](repeating: 7, count: 100_000))
        #expect(throws: Compression.Failure.tooLarge(limit: 1000)) { try Compression.inflate(packed, limit: 1000) }
    }
}
