/// Broken variants of a config that uses most of TOML, for tests that must never crash and for the
/// differential check against tomllib.
enum TOMLMutations {
    /// Every truncation of a config and every one-byte change to it from a set of troublesome bytes.
    static func ofSampleConfig() -> [String] {
        let text = """
            database = "/var/lib/d.sqlite" # c
            [http]
            max_body = "1MiB"
            a.b = 1_0
            [[source]]
            id = "a"
            tags = ["x", 'y', \"\"\"z\\n\"\"\", 1e3, 0x1F, 1979-05-27T07:32:00Z]
            headers = { Referer = "r", n = -1.5, t = true }
            [[source]]
            [source.s]
            """
        let bytes = Array(text.utf8)
        let troublesome: [UInt8] = Array("[]{}=\"'\\.,#\n\r\0 0x+-_eT:9a".utf8)
        var documents = (0...bytes.count).map { String(decoding: bytes[..<$0], as: UTF8.self) }
        for offset in bytes.indices {
            for byte in troublesome where byte != bytes[offset] {
                var mutated = bytes
                mutated[offset] = byte
                documents.append(String(decoding: mutated, as: UTF8.self))
            }
        }
        return documents
    }
}
