import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// An in-process HTTP server on 127.0.0.1 and a free port, for tests that fetch.
///
/// Routes can be changed while it runs; every request is recorded; the most requests handled at
/// once is counted. Paths without a route get a 404.
public final class TestHTTPServer: Sendable {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public let baseURL: String
    public let port: UInt16
    private let server: HTTPServer
    private let running: Task<Void, any Error>
    /// The thread the server's tasks run on, off the concurrency pool; kept as long as the server.
    private let executor: DedicatedExecutor
    private let state: TestServerState

    private init(server: HTTPServer, running: Task<Void, any Error>, executor: DedicatedExecutor, state: TestServerState, port: UInt16) {
        self.executor = executor
        self.server = server
        self.running = running
        self.state = state
        self.port = port
        baseURL = "http://127.0.0.1:\(port)"
    }

    /// Starts a server and waits until it listens.
    public static func start() async throws -> TestHTTPServer {
        let state = TestServerState()
        let handler = TestRouteHandler(state: state)
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60,
            pool: NoDelaySocketPool(base: HTTPServer.defaultPool()), logger: .disabled, handler: handler
        )
        let executor = DedicatedExecutor(label: "docwatch.test-http-server")
        let running = Task(executorPreference: executor) { try await server.run() }
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            running.cancel()
            throw SocketError.unsupportedAddress
        }
        return TestHTTPServer(server: server, running: running, executor: executor, state: state, port: port)
    }

    /// Stops listening and ends open connections.
    public func stop() async {
        await server.stop(timeout: 0)
        running.cancel()
    }

    /// The absolute URL of `path` on this server.
    public func url(_ path: String) -> String { baseURL + path }

    /// Sets (or replaces) the answer on `path`.
    public func set(path: String, route: TestRoute) {
        state.locked.withLock { $0.routes[path] = route }
    }

    /// Sets the answer on `path` from its parts.
    public func set(
        path: String, status: Int = 200, headers: [String: String] = [:], body: [UInt8] = [],
        delay: TimeInterval = 0, chunked: Bool = false
    ) {
        set(path: path, route: TestRoute(status: status, headers: headers, body: body, delay: delay, chunked: chunked))
    }

    /// Sets the answer on `path` with a UTF-8 body.
    public func set(
        path: String, status: Int = 200, headers: [String: String] = [:], body: String,
        delay: TimeInterval = 0, chunked: Bool = false
    ) {
        set(path: path, status: status, headers: headers, body: Array(body.utf8), delay: delay, chunked: chunked)
    }

    /// A page with validators: 200 with `ETag` (and `Last-Modified`), 304 to a request that matches either.
    public func page(path: String, body: String, etag: String, lastModified: String? = nil) {
        var headers = ["ETag": etag, "Content-Type": "text/html; charset=utf-8"]
        if let lastModified { headers["Last-Modified"] = lastModified }
        set(path: path, route: TestRoute(headers: headers, body: Array(body.utf8), etag: etag, lastModified: lastModified))
    }

    /// A redirect from `path` to `location` (absolute, or a path on this server).
    public func redirect(path: String, to location: String, status: Int = 302) {
        set(path: path, status: status, headers: ["Location": location])
    }

    /// Every request received so far, in order of arrival.
    public var requests: [RecordedRequest] { state.locked.withLock { $0.requests } }

    /// The requests received on `path`.
    public func requests(to path: String) -> [RecordedRequest] { requests.filter { $0.path == path } }

    /// The most requests that were being handled at the same time.
    public var maxConcurrent: Int { state.locked.withLock { $0.maxInFlight } }

    /// Forgets recorded requests and the concurrency high-water mark.
    public func resetRecords() {
        state.locked.withLock { state in
            state.requests = []
            state.maxInFlight = state.inFlight
        }
    }
}

