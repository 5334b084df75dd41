import DocWatchCore
import Foundation

/// Finds and reads the config file: `--config PATH`, then `$DOCWATCH_CONFIG`, then
/// `/etc/docwatch/docwatch.toml`.
public struct ConfigLoader: Sendable {
    public static let systemPath = "/etc/docwatch/docwatch.toml"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The path that would be read for an explicit `--config` value (or none).
    public func resolvePath(explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["DOCWATCH_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        return Self.systemPath
    }

    public func load(explicit: String?) throws(ConfigError) -> Configuration {
        let path = resolvePath(explicit: explicit)
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return try ConfigParser(environment: environment).parse(text, file: (absolute as NSString).standardizingPath)
    }
}
