import Foundation

/// Durations as the config writes them: `"90s"`, `"15m"`, `"6h"`, `"7d"` (also `"500ms"`).
public enum DurationText {
    /// The longest duration a config may give (100 years): longer ones would overflow the clock arithmetic.
    public static let maximum: TimeInterval = 100 * 365 * 86_400

    /// The seconds `text` names, or nil when it is not a duration of at most `maximum`.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, TimeInterval)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count)
            guard let value = Double(number), value >= 0, value * factor <= maximum else { return nil }
            return value * factor
        }
        return nil
    }

    /// The shortest whole form: `90s`, `15m`, `6h`, `7d`.
    public static func format(_ seconds: TimeInterval) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        for (suffix, factor) in [("d", 86_400.0), ("h", 3600.0), ("m", 60.0)]
        where seconds >= factor && seconds.truncatingRemainder(dividingBy: factor) == 0 {
            return "\(Int(seconds / factor))\(suffix)"
        }
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}

/// Sizes as the config writes them: `"512KiB"`, `"20MiB"`, `"1GiB"`, `"1000B"` (also KB/MB = 1000ⁿ).
public enum ByteSize {
    /// The largest size a config may give (1 PiB): larger ones would overflow `Int` arithmetic.
    public static let maximum = 1 << 50

    /// The bytes `text` names, or nil when it is not a size of at most `maximum`.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [
            ("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 * 1024 * 1024),
            ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
        ]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)),
                  value >= 0, value * factor <= Double(maximum)
            else { return nil }
            return Int(value * factor)
        }
        return nil
    }

    public static func format(_ bytes: Int) -> String {
        for (suffix, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor)\(suffix)"
        }
        return "\(bytes)B"
    }
}
