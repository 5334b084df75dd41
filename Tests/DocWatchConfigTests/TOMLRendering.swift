@testable import DocWatchConfig

/// A compact, ordered rendering of a parsed TOML tree, so a table of cases can state what each
/// document must parse to in one string: `{a: 1, b: ["x", 1.5], c: {d: true}, e: date(1979-05-27)}`.
enum TOMLRendering {
    static func render(_ table: TOMLTable) -> String {
        "{" + table.entries.map { "\(key($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
    }

    static func render(_ value: TOMLValue) -> String {
        switch value.content {
        case .string(let text): text.debugDescription
        case .integer(let number): String(number)
        case .float(let number): number.isNaN ? "nan" : String(number)
        case .boolean(let flag): String(flag)
        case .dateTime(let value): "\(value.kind.rawValue)(\(value.text))"
        case .array(let elements): "[" + elements.map(render).joined(separator: ", ") + "]"
        case .table(let table): render(table)
        }
    }

    private static func key(_ name: String) -> String {
        !name.isEmpty && name.utf8.allSatisfy(ASCII.isBareKey) ? name : name.debugDescription
    }
}
