import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `[metrics]`: where `docwatch run` serves `GET /metrics` (Prometheus text format); nil listens nowhere.
public struct MetricsSettings: Sendable, Equatable {
    public var listen: ListenAddress?

    public init(listen: ListenAddress? = nil) {
        self.listen = listen
    }
}

/// A numeric IP address and a port, as `127.0.0.1:9464` or `[::1]:9464`.
///
/// Host names are refused: the listener binds exactly the address written, never what a resolver says.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: UInt16
    public var isIPv6: Bool

    /// Parses `A.B.C.D:PORT` or `[IPV6]:PORT` (port 1…65535); nil for anything else.
    public static func parse(_ text: String) -> ListenAddress? {
        let host: Substring
        let portText: Substring
        let isIPv6: Bool
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
            isIPv6 = true
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            isIPv6 = false
        }
        guard let port = UInt16(portText), port > 0, Self.isNumeric(String(host), ipv6: isIPv6) else { return nil }
        return ListenAddress(host: String(host), port: port, isIPv6: isIPv6)
    }

    public init(host: String, port: UInt16, isIPv6: Bool = false) {
        self.host = host
        self.port = port
        self.isIPv6 = isIPv6
    }

    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func isNumeric(_ host: String, ipv6: Bool) -> Bool {
        if ipv6 {
            var address = in6_addr()
            return inet_pton(AF_INET6, host, &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }
}

/// `[retention]`: what pruning deletes. Nil keeps everything of that kind.
public struct RetentionSettings: Sendable, Equatable {
    /// Versions kept per document, newest first (≥ 1; the current version always stays).
    public var keepVersions: Int?
    /// Raw bodies of versions fetched longer ago than this are dropped (the extracted text stays).
    public var keepRaw: TimeInterval?
    /// Change files (and their diff folders) and delivered outbox rows older than this are deleted.
    public var keepChanges: TimeInterval?

    public init(keepVersions: Int? = nil, keepRaw: TimeInterval? = nil, keepChanges: TimeInterval? = nil) {
        self.keepVersions = keepVersions
        self.keepRaw = keepRaw
        self.keepChanges = keepChanges
    }
}
