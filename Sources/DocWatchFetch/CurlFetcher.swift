import DocWatchCore
import Foundation
import Logging

/// Fetches pages with libcurl: one multi handle driven by one thread, with the `[http]` limits.
///
/// Every HTTP status is a response; only transfer failures throw (`FetchError`). Call `shutdown()`
/// to cancel in-flight fetches and stop the thread; `deinit` does it too.
public final class CurlFetcher: PageFetching {
    /// The loop, or why libcurl could not start one (then every fetch throws that).
    let engine: Result<CurlMultiLoop, FetchError>
    /// Each transfer's turn in a schedule shared with other processes; nil without one or without a host delay.
    private let sharedTurn: SharedHostTurn?

    /// Starts the loop thread. With `sharedSchedule` (daemons sharing a database) and a `host_delay`,
    /// every transfer first reserves its start there and waits for it on `clock`.
    public convenience init(
        settings: HTTPSettings, userAgent: String, logger: Logger = Logger(label: "docwatch.fetch"),
        sharedSchedule: (any SharedHostSchedule)? = nil, clock: any WallClock = SystemClock()
    ) {
        self.init(settings: settings, userAgent: userAgent, environment: ProcessInfo.processInfo.environment, logger: logger,
                  sharedSchedule: sharedSchedule, clock: clock)
    }

    /// As the public initialiser, with the proxy variables (`no_proxy`) read from `environment`.
    init(
        settings: HTTPSettings, userAgent: String, environment: [String: String],
        logger: Logger = Logger(label: "docwatch.fetch"), sharedSchedule: (any SharedHostSchedule)? = nil,
        clock: any WallClock = SystemClock()
    ) {
        sharedTurn = sharedSchedule.flatMap { schedule in
            settings.hostDelay > 0 ? SharedHostTurn(schedule: schedule, delay: settings.hostDelay, clock: clock, logger: logger) : nil
        }
        do throws(FetchError) {
            let loop = try CurlMultiLoop(settings: settings, userAgent: userAgent, noProxy: NoProxy.list(in: environment),
                                         logger: logger, now: Self.monotonicSeconds)
            loop.start()
            engine = .success(loop)
        } catch {
            logger.error("libcurl could not start", metadata: ["error": "\(error)"])
            engine = .failure(error)
        }
    }

    /// Why libcurl could not start, if it could not; every fetch then throws this.
    public var startupError: FetchError? {
        if case .failure(let error) = engine { return error }
        return nil
    }

    deinit {
        shutdown()
    }

    /// GETs `request.url`, conditionally when it carries validators; the body comes back decoded.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let loop = try engine.get()
        let job = FetchJob(request: request, host: try CurlURL.host(of: request.url))
        try await sharedTurn?.wait(for: job.host)
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { continuation in
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
        if case .success(let loop) = engine { loop.stop() }
    }

    private static let clockOrigin = ContinuousClock.now

    /// Seconds on a monotonic clock, for the host gate.
    @Sendable private static func monotonicSeconds() -> TimeInterval {
        let elapsed = ContinuousClock.now - clockOrigin
        return TimeInterval(elapsed.components.seconds) + TimeInterval(elapsed.components.attoseconds) / 1e18
    }
}
