import DocWatchCore
import Foundation

/// Telling a PostgreSQL URL from a SQLite path, and printing one without its password.
public enum PostgresURL {
    /// Whether `database` names a PostgreSQL server (`postgresql://…` or `postgres://…`) rather than a file.
    public static func isPostgres(_ database: String) -> Bool {
        DatabaseLocation.isPostgres(database)
    }

    /// `url` with any password replaced by `***`, for messages and logs.
    public static func redacted(_ url: String) -> String { URLPassword.redacted(url, mask: "***") }
}
