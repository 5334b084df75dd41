import DocWatchCore
import Foundation

/// `--since` / `--until` values: an ISO date or time (`2026-11-01`, `2026-11-01T08:00:00Z`) or an age
/// (`90m`, `24h`, `7d`) counted back from now.
enum TimeArgument {
    static func parse(_ text: String?, now: Date = Date()) throws -> Date? {
        guard let text else { return nil }
        if let age = DurationText.parse(text) { return now.addingTimeInterval(-age) }
        if let date = Timestamp.parse(text) { return date }
        throw CLIError.usage("'\(text)' is neither a date (2026-11-01, 2026-11-01T08:00:00Z) nor an age (90m, 24h, 7d)")
    }
}
