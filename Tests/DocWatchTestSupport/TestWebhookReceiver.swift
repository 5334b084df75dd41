import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// A loopback webhook for push tests: records every POST (headers lower-cased, body) and answers 500
/// to the first `failures` requests on a path, 200 after.
public final class TestWebhookReceiver: Sendable {
    /// One request as received, with the status it was answered with.
    public struct Delivery: Sendable {
        public var path: String
        public var headers: [String: String]
        public var body: String
        public var status: Int
    }

    public let baseURL: String
    private let server: HTTPServer
    private let running: Task<Void, any Error>
    /// The thread the server's tasks run on, off the concurrency pool; kept as long as the server.
    private let executor: DedicatedExecutor
    private let state: WebhookState

    private init(server: HTTPServer, running: Task<Void, any Error>, executor: DedicatedExecutor, port: UInt16,
                 state: WebhookState) {
        self.executor = executor
        self.server = server
        self.running = running
        self.state = state
        baseURL = "http://127.0.0.1:\(port)"
    }

    /// Starts listening; `failures` maps a path to how many of its first requests get a 500.
    public static func start(failures: [String: Int] = [:]) async throws -> TestWebhookReceiver {
        let state = WebhookState(failures: failures)
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled,
                                handler: ClosureHTTPHandler { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let body = String(decoding: try await request.bodyData, as: UTF8.self)
            let status = state.locked.withLock { values -> Int in
                let left = values.failuresLeft[request.path] ?? 0
                values.failuresLeft[request.path] = max(0, left - 1)
                let status = left > 0 ? 500 : 200
                values.deliveries.append(Delivery(path: request.path, headers: headers, body: body, status: status))
                return status
            }
            return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: status == 200 ? "OK" : "Internal Server Error"),
                                body: Data("ok".utf8))
        })
        let executor = DedicatedExecutor(label: "docwatch.test-webhook-receiver")
        let running = Task(executorPreference: executor) { try await server.run() }
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            running.cancel()
            throw SocketError.unsupportedAddress
        }
        return TestWebhookReceiver(server: server, running: running, executor: executor, port: port, state: state)
    }

    public func url(_ path: String) -> String { baseURL + path }

    /// Every request so far, in arrival order.
    public var deliveries: [Delivery] { state.locked.withLock { $0.deliveries } }

    /// The requests to `path` answered 200.
    public func accepted(on path: String) -> [Delivery] { deliveries.filter { $0.path == path && $0.status == 200 } }

    public func stop() async {
        await server.stop(timeout: 0)
        running.cancel()
    }
}

/// What the receiver's handler and its owner share.
final class WebhookState: Sendable {
    struct Values {
        var deliveries: [TestWebhookReceiver.Delivery] = []
        var failuresLeft: [String: Int]
    }

    let locked: Mutex<Values>

    init(failures: [String: Int]) { locked = Mutex(Values(failuresLeft: failures)) }
}
