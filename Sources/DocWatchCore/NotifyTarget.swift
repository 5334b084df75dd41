import Foundation

/// One `[[notify]]` push target: where each change event goes besides the log directory.
///
/// Its `id` keys its delivery cursor in the database, so it must stay the same across restarts:
/// an explicit `id` from the config, else one derived from the URL or the command line.
public struct NotifyTarget: Sendable, Equatable {
    /// How an event reaches the target.
    public enum Delivery: Sendable, Equatable {
        /// POST the event's JSON line to this http(s) URL, with these extra headers.
        case webhook(url: String, headers: [String: String])
        /// Run this program (absolute path, then arguments) with the event's JSON line on stdin.
        case command([String])
    }

    public var id: String
    public var delivery: Delivery
    /// Only these event types; nil for all.
    public var types: Set<ChangeEventType>?
    /// Only events of these sources; nil for all.
    public var sources: Set<String>?
    /// Only events of sources carrying one of these tags; nil for all.
    public var tags: Set<String>?
    /// How long one delivery may take (request, or command run) before it counts as failed.
    public var timeout: TimeInterval
    /// The first wait after a failure; it doubles per failure up to `maxBackoff`.
    public var backoff: TimeInterval
    public var maxBackoff: TimeInterval

    public init(
        id: String, delivery: Delivery, types: Set<ChangeEventType>? = nil, sources: Set<String>? = nil,
        tags: Set<String>? = nil, timeout: TimeInterval = 10, backoff: TimeInterval = 1, maxBackoff: TimeInterval = 600
    ) {
        self.id = id
        self.delivery = delivery
        self.types = types
        self.sources = sources
        self.tags = tags
        self.timeout = timeout
        self.backoff = backoff
        self.maxBackoff = maxBackoff
    }

    /// The id a target gets when the config names none: `webhook-` or `command-` and 10 hex digits
    /// of the SHA-256 of its URL or its NUL-joined command line.
    public static func derivedID(for delivery: Delivery) -> String {
        switch delivery {
        case .webhook(let url, _):
            "webhook-" + SHA256Digest.hex(Array(url.utf8)).prefix(10)
        case .command(let arguments):
            "command-" + SHA256Digest.hex(Array(arguments.joined(separator: "\u{0}").utf8)).prefix(10)
        }
    }
}
