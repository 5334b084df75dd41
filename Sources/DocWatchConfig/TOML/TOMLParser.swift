/// Reads a TOML 1.0 document into a `TOMLTable` whose every key and value knows its line and column.
///
/// One pass over the bytes, linear in the document's length. Arrays, inline tables and dotted keys
/// nested deeper than `maxDepth` are a syntax error, so no input can exhaust the stack.
struct TOMLParser {
    static let defaultMaxDepth = 128

    private var scanner: TOMLScanner
    private let maxDepth: Int
    private let root: TOMLTableBuilder
    private var current: TOMLTableBuilder
    /// Counts table headers; dotted keys may only extend tables of their own section.
    private var section = 0

    /// Parses a whole document; the first error stops it.
    static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(TOMLSyntaxError) -> TOMLTable {
        var parser = TOMLParser(text: text, maxDepth: maxDepth)
        try parser.parseDocument()
        return parser.root.build()
    }

    private init(text: String, maxDepth: Int) {
        scanner = TOMLScanner(text)
        self.maxDepth = maxDepth
        root = TOMLTableBuilder(origin: .header, position: TOMLPosition(line: 1, column: 1), depth: 0, maxDepth: maxDepth)
        current = root
    }

    private mutating func parseDocument() throws(TOMLSyntaxError) {
        while true {
            try scanner.skipBlanksCommentsAndNewlines()
            guard let byte = scanner.peek() else { return }
            if byte == ASCII.openBracket {
                try parseHeader()
                try scanner.expectEndOfLine(after: "a table header")
            } else {
                try parseKeyValue(into: current, section: section)
                try scanner.expectEndOfLine(after: "a key/value pair")
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    private mutating func parseHeader() throws(TOMLSyntaxError) {
        let position = scanner.position()
        scanner.advance()
        let isArray = scanner.take(ASCII.openBracket)
        let path = try parseKey()
        guard scanner.take(ASCII.closeBracket) else {
            throw scanner.error("expected ']' to close the table header, found \(scanner.describeNext())")
        }
        if isArray, !scanner.take(ASCII.closeBracket) {
            throw scanner.error("expected ']]' to close the array-of-tables header, found \(scanner.describeNext())")
        }
        section += 1
        current = try isArray ? root.appendTable(path, at: position) : root.openTable(path, at: position)
    }

    /// `key = value` into `table`.
    private mutating func parseKeyValue(into table: TOMLTableBuilder, section: Int) throws(TOMLSyntaxError) {
        let path = try parseKey()
        guard scanner.take(ASCII.equals) else {
            throw scanner.error("expected '=' after the key '\(path.map(\.name).joined(separator: "."))', found \(scanner.describeNext())")
        }
        scanner.skipBlanks()
        let value = try parseValue(containerDepth: table.depth + path.count - 1)
        try table.define(path, as: value, section: section)
    }

    /// A bare, quoted or dotted key, with the blanks around it.
    private mutating func parseKey() throws(TOMLSyntaxError) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        repeat {
            scanner.skipBlanks()
            let position = scanner.position()
            guard let byte = scanner.peek() else { throw scanner.error("expected a key, found the end of the file") }
            let name: String
            if byte == ASCII.quote || byte == ASCII.apostrophe {
                name = try scanner.scanString(allowMultiline: false)
            } else if ASCII.isBareKey(byte) {
                let start = scanner.index
                while let next = scanner.peek(), ASCII.isBareKey(next) { scanner.advance() }
                name = scanner.text(start..<scanner.index)
            } else {
                throw scanner.error("expected a key, found \(ASCII.describe(byte))")
            }
            parts.append(TOMLKeyPart(name: name, position: position))
            guard parts.count <= maxDepth else { throw scanner.error("a key of more than \(maxDepth) parts") }
            scanner.skipBlanks()
        } while scanner.take(ASCII.dot)
        return parts
    }

    /// Any value; `containerDepth` is how deep the table or array holding it is nested.
    private mutating func parseValue(containerDepth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let position = scanner.position()
        guard let byte = scanner.peek() else { throw scanner.error("expected a value, found the end of the file") }
        let content: TOMLValue.Content
        switch byte {
        case ASCII.quote, ASCII.apostrophe:
            content = .string(try scanner.scanString())
        case UInt8(ascii: "t") where scanner.looksAt("true"):
            scanner.advance(4)
            content = .boolean(true)
        case UInt8(ascii: "f") where scanner.looksAt("false"):
            scanner.advance(5)
            content = .boolean(false)
        case ASCII.openBracket:
            content = .array(try parseArray(depth: containerDepth + 1))
        case ASCII.openBrace:
            content = .table(try parseInlineTable(depth: containerDepth + 1, position: position))
        case _ where ASCII.isDigit(byte) && scanner.looksAtDateOrTime:
            content = .dateTime(try scanner.scanDateTime())
        case _ where ASCII.isDigit(byte) || byte == ASCII.plus || byte == ASCII.minus
            || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "n"):
            content = try scanner.scanNumber()
        default:
            throw scanner.error("expected a value, found \(ASCII.describe(byte))")
        }
        return TOMLValue(content: content, position: position)
    }

    private mutating func checkDepth(_ depth: Int) throws(TOMLSyntaxError) {
        guard depth <= maxDepth else {
            throw scanner.error("arrays and tables nested deeper than \(maxDepth) levels")
        }
    }

    /// `[ v, v, ]`: newlines and comments allowed between elements, a trailing comma too.
    private mutating func parseArray(depth: Int) throws(TOMLSyntaxError) -> [TOMLValue] {
        try checkDepth(depth)
        scanner.advance()
        var elements: [TOMLValue] = []
        while true {
            try scanner.skipBlanksCommentsAndNewlines()
            if scanner.take(ASCII.closeBracket) { return elements }
            elements.append(try parseValue(containerDepth: depth))
            try scanner.skipBlanksCommentsAndNewlines()
            if scanner.take(ASCII.comma) { continue }
            guard scanner.take(ASCII.closeBracket) else {
                throw scanner.error("expected ',' or ']' in an array, found \(scanner.describeNext())")
            }
            return elements
        }
    }

    /// `{ k = v, a.b = v }` on one line, no trailing comma; complete once closed.
    private mutating func parseInlineTable(depth: Int, position: TOMLPosition) throws(TOMLSyntaxError) -> TOMLTable {
        try checkDepth(depth)
        scanner.advance()
        let table = TOMLTableBuilder(origin: .header, position: position, depth: depth, maxDepth: maxDepth)
        scanner.skipBlanks()
        if scanner.take(ASCII.closeBrace) { return table.build() }
        while true {
            try parseKeyValue(into: table, section: 0)
            scanner.skipBlanks()
            if scanner.take(ASCII.comma) { continue }
            guard scanner.take(ASCII.closeBrace) else {
                throw scanner.error("expected ',' or '}' in an inline table, found \(scanner.describeNext())")
            }
            return table.build()
        }
    }
}
