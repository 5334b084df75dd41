#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The systemd side of sd_notify for tests: a unix datagram socket bound in a temporary directory
/// (or an abstract name) that collects every message sent to it.
final class NotifyListener: Sendable {
    /// The value for `$NOTIFY_SOCKET`.
    let path: String
    private let descriptor: Int32
    private let received = Mutex<[String]>([])

    /// Binds `path`; a path starting with `@` is an abstract name.
    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
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
    }

    deinit {
        close(descriptor)
        if !path.hasPrefix("@") { unlink(path) }
    }

    /// Every message received so far, in order.
    var messages: [String] {
        drainSocket()
        return received.withLock { $0 }
    }

    /// Waits (polling, bounded) until a message satisfies `predicate`; returns it, or nil at `timeout`.
    func waitFor(timeout: Duration = .seconds(20), _ predicate: (String) -> Bool) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let match = messages.first(where: predicate) { return match }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return messages.first(where: predicate)
    }

    /// Reads every datagram waiting on the socket without blocking.
    private func drainSocket() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard count > 0 else { return }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            received.withLock { $0.append(text) }
        }
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
