/// Why a configuration was refused. Each reads as one line: `FILE:LINE: what, for which key`.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case syntax(file: String, line: Int, column: Int, message: String)
    case unknownKey(file: String, line: Int, key: String)
    case badValue(file: String, line: Int, key: String, message: String)
    case missingKey(file: String, line: Int, key: String)
    case duplicateSource(file: String, line: Int, id: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): config file not found (give --config PATH or set DOCWATCH_CONFIG)"
        case .unreadable(let path, let reason):
            "\(path): cannot read config: \(reason)"
        case .syntax(let file, let line, let column, let message):
            "\(file):\(line):\(column): TOML syntax error: \(message)"
        case .unknownKey(let file, let line, let key):
            "\(file):\(line): unknown key '\(key)'"
        case .badValue(let file, let line, let key, let message):
            "\(file):\(line): bad value for '\(key)': \(message)"
        case .missingKey(let file, let line, let key):
            "\(file):\(line): missing required key '\(key)'"
        case .duplicateSource(let file, let line, let id):
            "\(file):\(line): duplicate source id '\(id)'"
        }
    }
}
