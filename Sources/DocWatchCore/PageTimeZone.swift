import Foundation

/// The zone of page dates that name none: the configuration's `timezone`, by default China Standard Time.
public enum PageTimeZone {
    /// The default IANA name (the config's `timezone` and `extract --timezone`).
    public static let defaultIdentifier = "Asia/Shanghai"

    /// The zone called `identifier`; else the default zone; else a fixed UTC+8 when the system has
    /// no zone data at all (config parsing rejects unknown names, so that is the only way to get here).
    public static func named(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(identifier: defaultIdentifier) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
    }

    /// The default zone.
    public static var `default`: TimeZone { named(defaultIdentifier) }
}
