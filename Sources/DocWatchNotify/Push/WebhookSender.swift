import DocWatchCore
import DocWatchFetch

/// POSTs one event's JSON line to a webhook through libcurl. A 2xx answer is delivered; any other
/// status, or no answer within the time limit, is a failure to retry.
struct WebhookSender {
    var userAgent: String

    /// Headers: `Content-Type: application/json`, `X-Docwatch-Event: <event id>`, `X-Docwatch-Seq: <seq>`,
    /// then the target's own (which may override the first).
    func post(_ event: ChangeEvent, url: String, headers: [String: String], timeout: Double) async -> PushResult {
        var lines = ["Content-Type: application/json", "X-Docwatch-Event: \(event.id)", "X-Docwatch-Seq: \(event.seq)",
                     "Expect:"]
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        switch await CurlPost.send(url: url, body: event.jsonLine() + "\n", headers: lines, timeout: timeout, userAgent: userAgent) {
        case .answered(let status) where (200..<300).contains(status):
            return .delivered
        case .answered(let status):
            return .failed("HTTP \(status)")
        case .failed(let message):
            return .failed(message)
        }
    }
}
