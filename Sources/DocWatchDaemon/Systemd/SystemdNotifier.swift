#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// sd_notify without libsystemd: one datagram to the unix socket named by `$NOTIFY_SOCKET`.
///
/// A path starting with `@` is an abstract socket name (the `@` becomes a NUL byte). Without
/// `$NOTIFY_SOCKET` (not run by systemd) every call does nothing.
///
/// A send never waits: the callers run on the concurrency pool's few threads, and a unix datagram
/// socket whose reader has fallen behind (its queue holds `net.unix.max_dgram_qlen` messages, 10 by
/// default) would block a plain `sendto` until it reads again. Two such waits (the watchdog's and
/// `STOPPING=1`) took both pool threads and froze the whole daemon after SIGTERM. A message that finds
/// the queue full is dropped instead; the watchdog sends again at its next tick.
public struct SystemdNotifier: Sendable {
    /// The socket path as given, if any.
    public let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = path.isEmpty ? nil : path
    }

    /// Whether there is a socket to tell.
    public var isEnabled: Bool { socketPath != nil }

    /// Sends `KEY=VALUE` lines as one datagram without waiting; returns whether it was sent (false also
    /// when the receiver's queue is full).
    @discardableResult
    public func notify(_ fields: [String]) -> Bool {
        guard let socketPath, var address = Self.address(socketPath) else { return false }
        let descriptor = socket(AF_UNIX, Self.datagram, 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let message = Array(fields.joined(separator: "\n").utf8)
        let sent = withUnsafePointer(to: &address.storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                message.withUnsafeBytes { bytes in
                    sendto(descriptor, bytes.baseAddress, bytes.count, Self.sendFlags, socketAddress, address.length)
                }
            }
        }
        return sent == message.count
    }

    /// `READY=1`, with a status line.
    public func ready(status: String? = nil) {
        notify(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// `RELOADING=1` with `MONOTONIC_USEC`, as systemd wants it before a reload.
    public func reloading() {
        notify(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())", "STATUS=reloading the configuration"])
    }

    /// `STOPPING=1`.
    public func stopping() {
        notify(["STOPPING=1", "STATUS=stopping"])
    }

    /// `STATUS=…`.
    public func status(_ text: String) {
        notify(["STATUS=\(text)"])
    }

    /// `WATCHDOG=1`, with the current `STATUS=` when given.
    public func watchdog(status: String? = nil) {
        notify(["WATCHDOG=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// Half of `$WATCHDOG_USEC`, the interval to send `WATCHDOG=1` at, when the watchdog is on for this process.
    public static func watchdogInterval(
        environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()
    ) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty, Int32(owner) != pid { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    private struct Address {
        var storage: sockaddr_un
        var length: socklen_t
    }

    private static func address(_ path: String) -> Address? {
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        // A path needs room for its NUL; an abstract name is counted by the address length instead.
        guard !bytes.isEmpty, bytes.count + (abstract ? 0 : 1) <= capacity else { return nil }
        withUnsafeMutableBytes(of: &storage.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        let offset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
        return Address(storage: storage, length: socklen_t(offset + bytes.count + (abstract ? 0 : 1)))
    }

    private static let sendFlags = Int32(MSG_NOSIGNAL | MSG_DONTWAIT)

    #if canImport(Glibc)
    private static let datagram = Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue)
    #else
    private static let datagram = SOCK_DGRAM
    #endif

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
