import Foundation

/// The whole resolved configuration: every default applied, every path absolute.
public struct Configuration: Sendable, Equatable {
    /// The file it was read from, for messages.
    public var file: String?
    public var database: String
    public var logDir: String
    public var userAgent: String
    /// IANA zone for page dates that name no zone.
    public var timezone: String
    /// Fetch-log rows older than this are deleted.
    public var keepFetchLog: TimeInterval
    public var http: HTTPSettings
    public var schedule: ScheduleSettings
    public var metrics = MetricsSettings()
    public var retention = RetentionSettings()
    /// `[cluster]`: this daemon among several on one PostgreSQL database.
    public var cluster = ClusterSettings()
    public var sources: [Source]
    /// `[[notify]]`: push targets, each with its own cursor.
    public var notify: [NotifyTarget] = []

    public init(
        file: String? = nil, database: String, logDir: String,
        userAgent: String = Configuration.defaultUserAgent, timezone: String = PageTimeZone.defaultIdentifier,
        keepFetchLog: TimeInterval = 30 * 86_400, http: HTTPSettings = HTTPSettings(),
        schedule: ScheduleSettings = ScheduleSettings(), sources: [Source] = []
    ) {
        self.file = file
        self.database = database
        self.logDir = logDir
        self.userAgent = userAgent
        self.timezone = timezone
        self.keepFetchLog = keepFetchLog
        self.http = http
        self.schedule = schedule
        self.sources = sources
    }

    public static let defaultUserAgent = "docwatch/1.0 (+https://github.com/docwatch/docwatch)"

    /// The poll interval of one source: its own, else the schedule's.
    public func interval(of source: Source) -> TimeInterval {
        source.interval ?? schedule.interval
    }
}

/// `[http]`: how the fetcher behaves.
public struct HTTPSettings: Sendable, Equatable {
    public var concurrency: Int = 16
    public var perHost: Int = 2
    public var hostDelay: TimeInterval = 1
    public var timeout: TimeInterval = 30
    public var connectTimeout: TimeInterval = 10
    /// Decoded bytes; a larger body is an error, never truncated silently.
    public var maxBody: Int = 20 * 1024 * 1024
    public var maxRedirects: Int = 5
    /// Any proxy URL libcurl takes; empty for none.
    public var proxy: String = ""

    public init() {}
}

/// `[schedule]`: when sources are polled.
public struct ScheduleSettings: Sendable, Equatable {
    public var interval: TimeInterval = 30 * 60
    /// ± fraction of the interval.
    public var jitter: Double = 0.1
    public var maxBackoff: TimeInterval = 6 * 3600

    public init() {}
}
