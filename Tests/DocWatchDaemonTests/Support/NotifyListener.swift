#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The systemd side of sd_notify for tests: a unix datagram socket bound in a temporary directory
/// (or an abstract name) that collects every message sent to it.
///
/// Like systemd, it reads the socket all the time (on a thread of its own), so a daemon's sends never
/// find the queue full however long a test looks elsewhere. `reading: false` binds the socket and never
/// reads it: a systemd that has fallen behind, whose queue fills after a few messages.
final class NotifyListener: Sendable {
    /// The value for `$NOTIFY_SOCKET`.
    let path: String
    private let inbox: Inbox

    /// Binds `path`; a path starting with `@` is an abstract name.
    init(path: String, reading: Bool = true) throws {
        self.path = path
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw ListenerError.system("socket", errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard result == 0 else {
            close(descriptor)
            throw ListenerError.system("bind \(path)", errno)
        }
        inbox = Inbox(descriptor: descriptor, reading: reading)
        if reading {
            let inbox = inbox
            Thread.detachNewThread { inbox.readUntilStopped() }
        }
    }

    deinit {
        inbox.stop()
        if !path.hasPrefix("@") { unlink(path) }
    }

    /// Every message received so far, in order.
    var messages: [String] { inbox.messages }

    /// Waits (polling, bounded) until a message satisfies `predicate`; returns it, or nil at `timeout`.
    func waitFor(timeout: Duration = .seconds(60), _ predicate: (String) -> Bool) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let match = messages.first(where: predicate) { return match }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return messages.first(where: predicate)
    }
}

/// The socket and what was read from it. With a reader, the reading thread closes the socket once
/// stopped, so a `recv` in flight never meets a closed (or reused) descriptor; without, `stop()` does.
private final class Inbox: Sendable {
    private let descriptor: Int32
    private let received = Mutex<[String]>([])
    private let reading: Bool
    private let stopped = Mutex(false)

    init(descriptor: Int32, reading: Bool) {
        self.descriptor = descriptor
        self.reading = reading
    }

    var messages: [String] { received.withLock { $0 } }

    /// Receives datagrams until `stop()`, waking every 50 ms to notice it.
    func readUntilStopped() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !stopped.withLock({ $0 }) {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard count > 0 else { continue }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            received.withLock { $0.append(text) }
        }
        close(descriptor)
    }

    /// Ends the reading (the reader then closes the socket), or closes the socket now when nobody reads.
    func stop() {
        stopped.withLock { $0 = true }
        if !reading { close(descriptor) }
    }
}

enum ListenerError: Error, CustomStringConvertible {
    case system(String, Int32)

    var description: String {
        switch self {
        case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
        }
    }
}
