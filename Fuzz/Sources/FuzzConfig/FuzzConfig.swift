import DocWatchConfig

/// The parser under test, with an environment of its own so inputs are judged alike everywhere.
let parser = ConfigParser(environment: ["HOME": "/home/fuzz"])

/// One libFuzzer input: the input as a docwatch.toml. A bad config must be a thrown ConfigError (one
/// line, exit 78), never an abort.
func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? parser.parse(text, file: "/etc/docwatch/docwatch.toml")
    return 0
}
