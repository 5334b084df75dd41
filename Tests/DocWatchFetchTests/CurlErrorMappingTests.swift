import CCurl
import DocWatchCore
import Testing
@testable import DocWatchFetch

@Suite("CurlErrorMapping")
struct CurlErrorMappingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let code: CURLcode
        let connected: Bool
        let expected: FetchError
        var testDescription: String { name }
    }

    static let settings: HTTPSettings = {
        var settings = HTTPSettings()
        settings.timeout = 30
        settings.connectTimeout = 10
        settings.maxRedirects = 4
        settings.maxBody = 1000
        return settings
    }()

    static let cases: [Case] = [
        Case(name: "unsupported protocol", code: CURLE_UNSUPPORTED_PROTOCOL, connected: true, expected: .protocolNotAllowed("ftp://x/")),
        Case(name: "malformed URL", code: CURLE_URL_MALFORMAT, connected: false, expected: .invalidURL("ftp://x/")),
        Case(name: "DNS", code: CURLE_COULDNT_RESOLVE_HOST, connected: false, expected: .couldNotResolve("msg")),
        Case(name: "refused", code: CURLE_COULDNT_CONNECT, connected: false, expected: .connectionFailed("msg")),
        Case(name: "empty reply", code: CURLE_GOT_NOTHING, connected: true, expected: .connectionFailed("msg")),
        Case(name: "total timeout", code: CURLE_OPERATION_TIMEDOUT, connected: true, expected: .timedOut(seconds: 30)),
        Case(name: "connect timeout", code: CURLE_OPERATION_TIMEDOUT, connected: false, expected: .timedOut(seconds: 10)),
        Case(name: "redirects", code: CURLE_TOO_MANY_REDIRECTS, connected: true, expected: .tooManyRedirects(limit: 4)),
        Case(name: "file size", code: CURLE_FILESIZE_EXCEEDED, connected: true, expected: .bodyTooLarge(limit: 1000)),
        Case(name: "certificate", code: CURLE_PEER_FAILED_VERIFICATION, connected: true, expected: .tls("msg")),
        Case(name: "other", code: CURLE_PARTIAL_FILE, connected: true, expected: .transfer(code: 18, message: "msg")),
    ]

    @Test("libcurl codes map to fetch errors", arguments: cases)
    func mapping(_ testCase: Case) {
        let context = CurlErrorMapping.Context(url: "ftp://x/", connected: testCase.connected, settings: Self.settings)
        #expect(CurlErrorMapping.error(for: testCase.code, message: "msg", context: context) == testCase.expected)
    }
}
