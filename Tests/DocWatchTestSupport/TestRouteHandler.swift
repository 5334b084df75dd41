import FlyingFox
import Foundation
import Synchronization

/// What the test server's handler and its owner share: routes, records, the in-flight count.
final class TestServerState: Sendable {
    struct Values {
        var routes: [String: TestRoute] = [:]
        var requests: [RecordedRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    let locked = Mutex(Values())
}

/// Serves the routes in the shared state and records each request.
struct TestRouteHandler: HTTPHandler {
    let state: TestServerState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        let recorded = RecordedRequest(
            method: request.method.rawValue, path: request.path, target: request.target.rawValue, headers: headers,
            receivedAt: .now, clientPort: Self.port(of: request.remoteAddress)
        )
        let route = state.locked.withLock { values in
            values.requests.append(recorded)
            values.inFlight += 1
            values.maxInFlight = max(values.maxInFlight, values.inFlight)
            return values.routes[request.path]
        }
        defer { state.locked.withLock { $0.inFlight -= 1 } }
        guard let route else { return HTTPResponse(statusCode: .notFound, body: Data("no route".utf8)) }
        if route.delay > 0 { try await Task.sleep(for: .seconds(route.delay)) }
        return Self.response(route, to: headers)
    }

    private static func port(of address: HTTPRequest.Address?) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): port
        case .unix, .none: nil
        }
    }

    private static func response(_ route: TestRoute, to requestHeaders: [String: String]) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in route.headers { headers[HTTPHeader(name)] = value }
        if route.isNotModified(for: requestHeaders) {
            return HTTPResponse(statusCode: status(304), headers: headers)
        }
        if route.chunked {
            return HTTPResponse(statusCode: status(route.status), headers: headers, body: HTTPBodySequence(from: ChunkedBytes(bytes: route.body)))
        }
        return HTTPResponse(statusCode: status(route.status), headers: headers, body: Data(route.body))
    }

    private static func status(_ code: Int) -> HTTPStatusCode {
        HTTPStatusCode(code, phrase: phrases[code] ?? "Status \(code)")
    }

    private static let phrases: [Int: String] = [
        200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 404: "Not Found",
        429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
    ]
}
