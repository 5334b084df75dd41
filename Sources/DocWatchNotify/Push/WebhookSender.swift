import DocWatchCore
import DocWatchFetch

/// POSTs one event's JSON line to a webhook through libcurl. A 2xx answer is delivered; any other
/// status, or no answer within the time limit, is a failure to retry.
struct WebhookSender {
    var userAgent: String

    /// Headers: `Content-Type: application/json`, `X-Docwatch-Event: <event id>`, `X-Docwatch-Seq: <seq>`,
    /// then the target's own (a name given there replaces the built-in one).
    func post(_ event: ChangeEvent, url: String, headers: [String: String], timeout: Double) async -> PushResult {
        let own = Set(headers.keys.map { $0.lowercased() })
        var lines = [("Content-Type", "application/json"), ("X-Docwatch-Event", event.id), ("X-Docwatch-Seq", String(event.seq))]
            .filter { !own.contains($0.0.lowercased()) }.map { "\($0.0): \($0.1)" }
        // No `Expect: 100-continue` round trip for bodies over 1 KiB.
        lines.append("Expect:")
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
