#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DocWatchCore
import Foundation
import Logging
import Synchronization

/// A swift-log handler writing one line per event to stderr: `LEVEL label: message key=value …`.
///
/// Under systemd (`$JOURNAL_STREAM` set) the line starts with a `<N>` syslog priority, which journald
/// turns into the entry's priority, and carries no timestamp (the journal has one). Elsewhere it starts
/// with a UTC timestamp. Values with spaces or quotes are quoted, so a line stays one line.
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let journal: Bool
    private let output: LineOutput

    /// A handler for `label`; `journal` when stderr goes to journald.
    public init(label: String, level: Logger.Level = .info, journal: Bool, output: LineOutput = .standardError) {
        self.label = label
        self.logLevel = level
        self.journal = journal
        self.output = output
    }

    /// Installs this handler for every logger of the process, journald-style when `$JOURNAL_STREAM` is set.
    public static func bootstrap(level: Logger.Level, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let journal = !(environment["JOURNAL_STREAM"] ?? "").isEmpty
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level, journal: journal) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        output.write(format(level: event.level, message: event.message.description, metadata: merged(event.metadata)))
    }

    /// This handler's metadata, the provider's, then the event's, later keys winning. The usual case (a
    /// handler without metadata of its own, such as a `polled` line) takes the event's as it is, uncopied.
    func merged(_ own: Logger.Metadata?) -> Logger.Metadata {
        if metadata.isEmpty && metadataProvider == nil { return own ?? [:] }
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own { merged.merge(own) { _, new in new } }
        return merged
    }

    /// The line for one event, without the newline.
    func format(level: Logger.Level, message: String, metadata: Logger.Metadata, now: Date = Date()) -> String {
        var line = journal ? "<\(Self.priority(level))>" : Self.stamp(now) + " "
        line += level.rawValue
        line += " "
        line += label
        line += ": "
        line += Self.oneLine(message)
        // `source` and `url` first, the rest by key, so lines of one kind read alike.
        var leading = 0
        for key in Self.leadingKeys {
            guard let value = metadata[key] else { continue }
            leading += 1
            Self.append(key, value, to: &line)
        }
        if metadata.count > leading {
            for key in metadata.keys.sorted() where !Self.leadingKeys.contains(key) {
                if let value = metadata[key] { Self.append(key, value, to: &line) }
            }
        }
        return line
    }

    /// The metadata keys that lead a line, in this order.
    private static let leadingKeys = ["source", "url"]

    /// Appends ` key=value` (the value quoted when it needs it).
    private static func append(_ key: String, _ value: Logger.MetadataValue, to line: inout String) {
        line += " "
        line += key
        line += "="
        switch value {
        case .string(let text): line += quoted(text)
        case .stringConvertible(let convertible): line += quoted(convertible.description)
        case .dictionary, .array: line += quoted(value.description)
        }
    }

    private static let lastStamp = Mutex<(second: Int, text: String)>((Int.min, ""))

    /// `Timestamp.utc(date)`, formatted once per second however many lines share it.
    private static func stamp(_ date: Date) -> String {
        let second = Int(date.timeIntervalSince1970.rounded(.down))
        if let cached = lastStamp.withLock({ $0.second == second ? $0.text : nil }) { return cached }
        let text = Timestamp.utc(date)
        lastStamp.withLock { $0 = (second, text) }
        return text
    }

    /// The syslog priority journald reads from a `<N>` prefix.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func oneLine(_ text: String) -> String {
        // Most lines hold no newline scalar at all; only those that do are split by Character.
        guard text.unicodeScalars.contains(where: isNewlineScalar), text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The scalars a `Character` that `isNewline` is made of (LF, VT, FF, CR, NEL, LS, PS).
    private static func isNewlineScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func quoted(_ value: String) -> String {
        let flat = oneLine(value)
        // A byte scan first: without a space, quote or `=` byte no Character can be one.
        guard flat.isEmpty
            || (flat.utf8.contains(where: { $0 == 0x20 || $0 == 0x22 || $0 == 0x3D })
                && flat.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }))
        else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Where log lines go: stderr (one `write(2)` per line), or a collector in tests.
public struct LineOutput: Sendable {
    let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    func write(_ line: String) { write(line) }

    private static let lock = Mutex(())

    /// Standard error, each line written whole.
    public static let standardError = LineOutput { line in
        var text = line
        text += "\n"
        text.withUTF8 { bytes in
            lock.withLock { _ in writeAll(bytes, to: 2) }
        }
    }
}

/// Writes all of `bytes` to `descriptor`, retrying short writes and EINTR; gives up on other errors.
private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
    }
}
