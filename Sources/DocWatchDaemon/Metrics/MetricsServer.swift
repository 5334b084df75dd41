import DocWatchCore
import DocWatchStore
import FlyingFox
import FlyingSocks
import Foundation
import Logging
import ServiceLifecycle

/// Serves `GET /metrics` on `[metrics] listen` until graceful shutdown; every other path is 404.
public struct MetricsServer: Service {
    private let server: HTTPServer
    private let address: ListenAddress
    private let logger: Logger

    /// Serves `metrics` with the scheduler's failing count and the store's sizes read at each scrape.
    public init(address: ListenAddress, metrics: DaemonMetrics, database: any DocumentStore, scheduler: PollScheduler,
                clock: any WallClock, logger: Logger = Logger(label: "docwatch.metrics")) throws(MetricsServerError) {
        try self.init(address: address, logger: logger) {
            metrics.render(failing: await scheduler.failingCount, database: database, now: clock.now())
        }
    }

    /// Binds nothing yet: `checkAvailable` does the start-up check, `run` the listening.
    public init(address: ListenAddress, logger: Logger = Logger(label: "docwatch.metrics"),
                body: @escaping @Sendable () async -> [UInt8]) throws(MetricsServerError) {
        self.address = address
        self.logger = logger
        let socketAddress: any SocketAddress
        do {
            socketAddress = try address.socketAddress()
        } catch {
            throw MetricsServerError(address: address, reason: "\(error)")
        }
        server = HTTPServer(address: socketAddress, timeout: 15, logger: .disabled, handler: MetricsHandler(body: body))
    }

    /// Binds and releases the address once, so a port in use stops `docwatch run` before any poll.
    public static func checkAvailable(_ address: ListenAddress) throws(MetricsServerError) {
        do {
            let socketAddress = try address.socketAddress()
            let socket = try Socket(domain: Int32(type(of: socketAddress).family))
            defer { try? socket.close() }
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: socketAddress)
        } catch {
            throw MetricsServerError(address: address, reason: Self.reason(error))
        }
    }

    public func run() async throws {
        logger.info("serving metrics", metadata: ["listen": "\(address)"])
        do {
            try await cancelWhenGracefulShutdown { try await server.run() }
        } catch {
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            throw MetricsServerError(address: address, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let socketError = error as? SocketError, case .failed(_, let errno, let message) = socketError {
            return errno == EADDRINUSE ? "address already in use" : message
        }
        return "\(error)"
    }
}

/// `[metrics] listen` cannot be served.
public struct MetricsServerError: Error, CustomStringConvertible {
    public var address: ListenAddress
    public var reason: String

    public var description: String { "cannot serve metrics on \(address): \(reason)" }
}

extension ListenAddress {
    func socketAddress() throws -> any SocketAddress {
        isIPv6 ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    }
}

/// `GET /metrics` answers the text format; anything else is 404.
struct MetricsHandler: HTTPHandler {
    let body: @Sendable () async -> [UInt8]

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET, request.path == "/metrics" else {
            return HTTPResponse(statusCode: .notFound, body: Data("only GET /metrics is served\n".utf8))
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: Data(await body()))
    }
}
