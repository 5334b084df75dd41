/// Where something stands in a TOML document: 1-based line and column (columns count Unicode scalars).
struct TOMLPosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    var line: Int
    var column: Int

    static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    var description: String { "\(line):\(column)" }
}

/// One TOML value with the position of its first character.
struct TOMLValue: Sendable, Equatable {
    /// What the value is. Date and time values keep their text: docwatch reads none of them.
    enum Content: Sendable, Equatable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case dateTime(TOMLDateTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    var content: Content
    var position: TOMLPosition

    var string: String? {
        if case .string(let text) = content { return text }
        return nil
    }

    var int: Int? {
        if case .integer(let number) = content { return Int(exactly: number) }
        return nil
    }

    /// A float, or an integer as a float. (One switch: `float ?? int.map(Double.init)` crashed the
    /// Swift 6.3.1 optimizer in release builds.)
    var number: Double? {
        switch content {
        case .float(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    var array: [TOMLValue]? {
        if case .array(let elements) = content { return elements }
        return nil
    }

    var table: TOMLTable? {
        if case .table(let table) = content { return table }
        return nil
    }

    /// The kind's name as error messages say it: `string`, `integer`, `date-time` …
    var typeName: String {
        switch content {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime(let value): value.kind.rawValue
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A date, time or date-time as written (validated: real calendar day, hours 0–23, offset ±hh:mm).
struct TOMLDateTime: Sendable, Equatable {
    enum Kind: String, Sendable {
        case offsetDateTime = "date-time"
        case localDateTime = "local date-time"
        case localDate = "date"
        case localTime = "time"
    }

    var kind: Kind
    var text: String
}

/// A TOML table: keys in the order they were defined, each with the position of its key.
struct TOMLTable: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: String
        var keyPosition: TOMLPosition
        var value: TOMLValue
    }

    private(set) var entries: [Entry] = []
    private var indexByKey: [String: Int] = [:]

    init(entries: [Entry] = []) {
        for entry in entries { append(entry) }
    }

    /// Adds an entry; the caller has already refused duplicate keys.
    private mutating func append(_ entry: Entry) {
        indexByKey[entry.key] = entries.count
        entries.append(entry)
    }

    var keys: [String] { entries.map(\.key) }

    subscript(key: String) -> TOMLValue? {
        indexByKey[key].map { entries[$0].value }
    }

    func keyPosition(_ key: String) -> TOMLPosition? {
        indexByKey[key].map { entries[$0].keyPosition }
    }
}
