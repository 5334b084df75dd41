import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import Foundation
import Logging
import Synchronization

/// Builds the ingest pipeline for a configuration: a libcurl fetcher with its `[http]` settings and
/// an extractor with its time zone; the daemon and `docwatch fetch` both build theirs here. Keeps the
/// newest fetcher to shut it down at exit; a replaced one stops by itself once the last poll using it
/// lets go of it.
public final class PipelineFactory: Sendable {
    private let database: DocWatchDatabase
    private let clock: any WallClock
    private let logger: Logger
    private let current = Mutex<CurlFetcher?>(nil)

    /// `logger` is the pipelines' (polls and store failures).
    public init(database: DocWatchDatabase, clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "docwatch.ingest")) {
        self.database = database
        self.clock = clock
        self.logger = logger
    }

    /// A pipeline for `configuration`, with a new fetcher; throws when libcurl cannot start.
    public func make(_ configuration: Configuration) throws(FetchError) -> IngestPipeline {
        let fetcher = CurlFetcher(settings: configuration.http, userAgent: configuration.userAgent,
                                  logger: Logger(label: "docwatch.fetch"))
        // A fetcher that cannot start would leave a daemon that reports READY and fails every poll.
        if let error = fetcher.startupError { throw error }
        current.withLock { $0 = fetcher }
        let zone = PageTimeZone.named(configuration.timezone)
        return IngestPipeline(fetcher: fetcher, database: database, extractor: Extractor(options: ExtractionOptions(timeZone: zone)),
                              clock: clock, logger: logger)
    }

    /// Whether a pipeline built for `old` would fetch or extract differently under `new`.
    public static func needsRebuild(from old: Configuration, to new: Configuration) -> Bool {
        old.http != new.http || old.userAgent != new.userAgent || old.timezone != new.timezone
    }

    /// Stops the newest fetcher (its transfers are cancelled).
    public func shutdown() {
        current.withLock { fetcher in
            fetcher?.shutdown()
            fetcher = nil
        }
    }
}
