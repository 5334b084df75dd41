import DocWatchCore
import Foundation

/// Telling a PostgreSQL URL from a SQLite path, and printing one without its password.
public enum PostgresURL {
    /// Whether `database` names a PostgreSQL server (`postgresql://…` or `postgres://…`) rather than a file.
    public static func isPostgres(_ database: String) -> Bool {
        DatabaseLocation.isPostgres(database)
    }

    /// `url` with any password replaced by `***`, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
