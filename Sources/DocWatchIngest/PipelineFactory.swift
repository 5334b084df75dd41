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
///
/// Its pipelines queue 304s and unchanged bodies (`IngestPipeline.queuesUnchangedPolls`): the next write
/// commits them (in the daemon, the source's health right after the poll; in `fetch`, the health of all
/// sources), and `shutdown()` writes any still queued.
public final class PipelineFactory: Sendable {
    private let database: any DocumentStore
    private let clock: any WallClock
    private let logger: Logger
    private let hostSchedule: (any SharedHostSchedule)?
    private let current = Mutex<CurlFetcher?>(nil)

    /// `logger` is the pipelines' (polls and store failures). `hostSchedule` is the per-host start
    /// schedule shared with other daemons on the same database (nil for a single daemon).
    public init(
        database: any DocumentStore, clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "docwatch.ingest"),
        hostSchedule: (any SharedHostSchedule)? = nil
    ) {
        self.database = database
        self.hostSchedule = hostSchedule
        self.clock = clock
        self.logger = logger
    }

    /// A pipeline for `configuration`, with a new fetcher; throws when libcurl cannot start.
    public func make(_ configuration: Configuration) throws(FetchError) -> IngestPipeline {
        let fetcher = CurlFetcher(settings: configuration.http, userAgent: configuration.userAgent,
                                  logger: Logger(label: "docwatch.fetch"), sharedSchedule: hostSchedule, clock: clock)
        // A fetcher that cannot start would leave a daemon that reports READY and fails every poll.
        if let error = fetcher.startupError { throw error }
        current.withLock { $0 = fetcher }
        let zone = PageTimeZone.named(configuration.timezone)
        var pipeline = IngestPipeline(fetcher: fetcher, database: database, extractor: Extractor(options: ExtractionOptions(timeZone: zone)),
                                      clock: clock, logger: logger)
        pipeline.queuesUnchangedPolls = true
        return pipeline
    }

    /// Whether a pipeline built for `old` would fetch or extract differently under `new`.
    public static func needsRebuild(from old: Configuration, to new: Configuration) -> Bool {
        old.http != new.http || old.userAgent != new.userAgent || old.timezone != new.timezone
    }

    /// Stops the newest fetcher (its transfers are cancelled) and writes the poll recordings still queued;
    /// a failure to write them is logged.
    public func shutdown() {
        current.withLock { fetcher in
            fetcher?.shutdown()
            fetcher = nil
        }
        do {
            try database.flushPolls()
        } catch {
            logger.error("cannot record the last polls", metadata: ["error": "\(error.description)"])
        }
    }
}
