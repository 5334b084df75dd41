/// Why a configuration was refused. Each reads as one line: `FILE:LINE:COLUMN: what, for which key`,
/// the column being where the key (or the table, for a missing key) starts.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case syntax(file: String, line: Int, column: Int, message: String)
    case unknownKey(file: String, line: Int, column: Int, key: String)
    case badValue(file: String, line: Int, column: Int, key: String, message: String)
    case missingKey(file: String, line: Int, column: Int, key: String)
    case duplicateSource(file: String, line: Int, column: Int, id: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): config file not found (give --config PATH or set DOCWATCH_CONFIG)"
        case .unreadable(let path, let reason):
            "\(path): cannot read config: \(reason)"
        case .syntax(let file, let line, let column, let message):
            "\(file):\(line):\(column): TOML syntax error: \(message)"
        case .unknownKey(let file, let line, let column, let key):
            "\(file):\(line):\(column): unknown key '\(key)'"
        case .badValue(let file, let line, let column, let key, let message):
            "\(file):\(line):\(column): bad value for '\(key)': \(message)"
        case .missingKey(let file, let line, let column, let key):
            "\(file):\(line):\(column): missing required key '\(key)'"
        case .duplicateSource(let file, let line, let column, let id):
            "\(file):\(line):\(column): duplicate source id '\(id)'"
        }
    }
}
