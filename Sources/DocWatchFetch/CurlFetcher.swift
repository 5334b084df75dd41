import DocWatchCore
import Foundation
import Logging

/// Fetches pages with libcurl: one multi handle driven by one thread, with the `[http]` limits.
///
/// Every HTTP status is a response; only transfer failures throw (`FetchError`). Call `shutdown()`
/// to cancel in-flight fetches and stop the thread; `deinit` does it too.
public final class CurlFetcher: PageFetching {
    let loop: CurlMultiLoop

    /// Starts the loop thread. Throws when libcurl cannot be initialised.
    public init(
        settings: HTTPSettings, userAgent: String,
        logger: Logger = Logger(label: "docwatch.fetch")
    ) throws(FetchError) {
        loop = try CurlMultiLoop(settings: settings, userAgent: userAgent, logger: logger, now: Self.monotonicSeconds)
        loop.start()
    }

    deinit {
        loop.stop()
    }

    /// GETs `request.url`, conditionally when it carries validators; the body comes back decoded.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let job = FetchJob(request: request, host: try CurlURL.host(of: request.url))
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                job.attach(continuation)
                loop.submit(job)
            }
        } onCancel: {
            job.finish(.failure(.cancelled))
            loop.cancel(job)
        }
    }

    /// Cancels in-flight and queued fetches (they throw `.cancelled`) and stops the loop thread.
    /// Later fetches throw `.cancelled` too.
    public func shutdown() {
        loop.stop()
    }

    private static let clockOrigin = ContinuousClock.now

    /// Seconds on a monotonic clock, for the host gate.
    @Sendable private static func monotonicSeconds() -> TimeInterval {
        let elapsed = ContinuousClock.now - clockOrigin
        return TimeInterval(elapsed.components.seconds) + TimeInterval(elapsed.components.attoseconds) / 1e18
    }
}
