import Foundation

/// The one JSON encoder set-up for what docwatch writes (events, store columns, CLI output).
public enum DocWatchJSON {
    /// Keys sorted, so equal values encode to equal bytes; slashes unescaped, so URLs stay readable.
    /// Dates (where a caller encodes `Date`s) use the caller's strategy.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
