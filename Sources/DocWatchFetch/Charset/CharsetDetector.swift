import CUchardet

/// Guesses a charset from bytes with uchardet, when nothing declares one.
enum CharsetDetector {
    /// uchardet's guess (`GB18030`, `BIG5`, `UTF-8` …), or nil when it has none.
    static func guess(_ bytes: [UInt8]) -> String? {
        guard let detector = uchardet_new() else { return nil }
        defer { uchardet_delete(detector) }
        let sample = bytes.prefix(64 * 1024)
        let status = sample.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                uchardet_handle_data(detector, $0, buffer.count)
            }
        }
        guard status == 0 else { return nil }
        uchardet_data_end(detector)
        guard let name = uchardet_get_charset(detector) else { return nil }
        let label = String(cString: name)
        return label.isEmpty || label.uppercased() == "ASCII" ? nil : label
    }
}
