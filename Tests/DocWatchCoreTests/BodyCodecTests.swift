import DocWatchCore
import Testing

@Suite("BodyCodec")
struct BodyCodecTests {
    static let page = Array(String(repeating: "<p>国务院办公厅关于印发通知的说明 page text</p>\n", count: 400).utf8)

    @Test("a body packs into one zstd frame and reads back unchanged")
    func roundTrip() throws {
        let packed = BodyCodec.compress(Self.page)
        #expect(BodyCodec.isZstd(packed))
        #expect(packed.count < Self.page.count / 10)
        #expect(try BodyCodec.decompress(packed) == Self.page)
    }

    @Test("an empty body round-trips")
    func empty() throws {
        #expect(try BodyCodec.decompress(BodyCodec.compress([])) == [])
    }

    @Test("a row written by the zlib codec before zstd still reads back")
    func zlibRowsStillRead() throws {
        #expect(try BodyCodec.decompress(Compression.deflate(Self.page)) == Self.page)
    }

    @Test("a body larger than the output buffer (64 KiB) reads back whole")
    func largerThanChunk() throws {
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        #expect(try BodyCodec.decompress(BodyCodec.compress(large)) == large)
    }

    @Test("a truncated zstd frame is an error, not a short body")
    func truncated() {
        let packed = BodyCodec.compress(Self.page)
        #expect(throws: Compression.Failure.self) { try BodyCodec.decompress(Array(packed.prefix(packed.count / 2))) }
    }

    @Test("output past the limit is refused")
    func limit() {
        let packed = BodyCodec.compress([UInt8](repeating: 7, count: 200_000))
        #expect(throws: Compression.Failure.tooLarge(limit: 1000)) { try BodyCodec.decompress(packed, limit: 1000) }
    }

    @Test("bodies packed on many threads at once each read back as themselves")
    func concurrentCompression() async throws {
        let bodies = (0..<32).map { n in Array(String(repeating: "<p>第\(n)段 text \(n)</p>\n", count: 50 + n * 20).utf8) }
        let packed = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for (n, body) in bodies.enumerated() { group.addTask { (n, BodyCodec.compress(body)) } }
            return await group.reduce(into: [Int: [UInt8]]()) { $0[$1.0] = $1.1 }
        }
        for (n, body) in bodies.enumerated() {
            #expect(try BodyCodec.decompress(packed[n] ?? []) == body)
        }
    }
}
