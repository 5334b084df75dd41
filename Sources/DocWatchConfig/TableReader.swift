import DocWatchCore

/// Reads typed values out of one TOML table, remembering which keys were read so the rest can be
/// reported as unknown, and turning every bad value into a `ConfigError` with its line.
struct TableReader {
    let table: TOMLTable
    /// `""` for the top level, else the table's name (`http`, `source`).
    let name: String
    let index: Int
    /// Where the table was opened (its header); missing keys are reported there.
    let position: TOMLPosition
    let file: String
    private(set) var known: Set<String> = []

    init(table: TOMLTable, name: String, index: Int = 0, position: TOMLPosition, file: String) {
        self.table = table
        self.name = name
        self.index = index
        self.position = position
        self.file = file
    }

    /// `http.timeout`, `source[2].url`, or the bare key at the top level.
    func path(_ key: String) -> String {
        switch name {
        case "": key
        case "source", "notify": "\(name)[\(index + 1)].\(key)"
        default: "\(name).\(key)"
        }
    }

    /// Where `key` starts, or the table's header when the key is absent (or nil).
    func place(_ key: String?) -> TOMLPosition {
        key.flatMap(table.keyPosition) ?? position
    }

    /// The line of `key`, or of the table's header when the key is absent (or nil).
    func line(_ key: String?) -> Int { place(key).line }

    /// A bad value for `key`, placed at the key or, for an entry of an inline table, at `entry`.
    func bad(_ key: String, _ message: String, at entry: TOMLPosition? = nil) -> ConfigError {
        let spot = entry ?? place(key)
        return .badValue(file: file, line: spot.line, column: spot.column, key: path(key), message: message)
    }

    /// `key` is required and absent: placed at the table's header.
    func missing(_ key: String) -> ConfigError {
        .missingKey(file: file, line: position.line, column: position.column, key: path(key))
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        known.insert(key)
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw bad(key, "expected a string, found \(value.typeName)") }
        return text
    }

    mutating func requiredString(_ key: String) throws(ConfigError) -> String {
        guard let text = try string(key) else {
            throw missing(key)
        }
        return text
    }

    mutating func int(_ key: String, range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        known.insert(key)
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw bad(key, "expected an integer, found \(value.typeName)") }
        guard range.contains(number) else { throw bad(key, "\(number) is outside \(range.lowerBound)…\(range.upperBound)") }
        return number
    }

    mutating func fraction(_ key: String) throws(ConfigError) -> Double? {
        known.insert(key)
        guard let value = table[key] else { return nil }
        guard let number = value.number else {
            throw bad(key, "expected a number, found \(value.typeName)")
        }
        guard (0...1).contains(number) else { throw bad(key, "\(number) is outside 0…1") }
        return number
    }

    /// A duration string (`"90s"`, `"15m"`, `"6h"`, `"7d"`) of at least `minimum` seconds.
    mutating func duration(_ key: String, minimum: Double = 0) throws(ConfigError) -> Double? {
        guard let text = try string(key) else { return nil }
        guard let seconds = DurationText.parse(text) else {
            throw bad(key, "'\(text)' is not a duration like \"90s\", \"15m\", \"6h\" or \"7d\" (at most 100 years)")
        }
        guard seconds >= minimum else { throw bad(key, "'\(text)' is shorter than \(DurationText.format(minimum))") }
        return seconds
    }

    /// A size string (`"512KiB"`, `"20MiB"`).
    mutating func size(_ key: String) throws(ConfigError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let bytes = ByteSize.parse(text), bytes > 0 else {
            throw bad(key, "'\(text)' is not a size like \"512KiB\" or \"20MiB\" (at most 1024TiB)")
        }
        return bytes
    }

    mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        known.insert(key)
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw bad(key, "expected an array of strings, found \(value.typeName)") }
        var out: [String] = []
        for element in array {
            guard let text = element.string else { throw bad(key, "expected an array of strings") }
            out.append(text)
        }
        return out
    }

    /// Marks a key as read without reading it (sub-tables handled by the caller).
    mutating func claim(_ key: String) { known.insert(key) }

    /// Throws for the first key of the table that no reader asked for.
    func rejectUnknownKeys() throws(ConfigError) {
        let unknown = table.entries.filter { !known.contains($0.key) }
        if let key = unknown.min(by: { $0.keyPosition < $1.keyPosition })?.key {
            throw .unknownKey(file: file, line: place(key).line, column: place(key).column, key: path(key))
        }
    }
}
