import DocWatchCore
import DocWatchFetch
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Response headers past libcurl's limits (100 KiB for one line, 300 KiB in all) fail as
/// "response header too large", not as libcurl's "Out of memory" or a failed connection.
@Suite("CurlFetcher: oversized response headers")
struct HugeHeaderTests {
    @Test("one 200 KB header line, and 400 KB of header lines, each fail as response header too large",
          arguments: [
              ("X-Big: " + String(repeating: "a", count: 200_000) + "\r\n", "one line"),
              ((0..<400).map { "X-Line-\($0): " + String(repeating: "b", count: 1000) + "\r\n" }.joined(), "many lines"),
          ])
    func oversizedHeaders(_ headers: String, _ name: String) async throws {
        let server = try RawResponseServer(response: "HTTP/1.1 200 OK\r\n" + headers + "Content-Length: 2\r\n\r\nok")
        let fetcher = CurlFetcher(settings: loopbackSettings(), userAgent: "t")
        defer { fetcher.shutdown() }
        await #expect(throws: FetchError.headerTooLarge, "\(name)") {
            try await fetcher.fetch(FetchRequest(url: server.url))
        }
        server.stop()
    }
}

/// A loopback listener that answers every connection with the same raw bytes, whatever was asked:
/// for responses an HTTP server library refuses to send.
final class RawResponseServer: @unchecked Sendable {
    let url: String
    private let socket: Int32
    private let thread: Thread

    init(response: String) throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        socket = fd
        url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/"
        let bytes = Array(response.utf8)
        thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                var request = [UInt8](repeating: 0, count: 65536)
                _ = recv(client, &request, request.count, 0)
                var sent = 0
                while sent < bytes.count {
                    let written = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if written <= 0 { break }
                    sent += written
                }
                close(client)
            }
        }
        thread.start()
    }

    /// Stops accepting: the listening socket is shut down, which ends the accept loop.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }
}
