import DocWatchCore
import DocWatchIngest
import DocWatchStore
import Foundation
import Prometheus
import Synchronization

/// The daemon's Prometheus metrics: poll counters and durations fed by the scheduler, and gauges read
/// from the store and the scheduler when scraped.
///
/// Document and version counts are taken again only when a poll stored something new since the last
/// scrape, or `storeRefresh` seconds passed (pruning), so a scraper polling every few seconds does not
/// scan the version table each time.
public final class DaemonMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let pollDuration: DurationHistogram
    private let documents: Gauge
    private let versions: Gauge
    private let outboxBacklog: Gauge
    private let failingSources: Gauge
    private let storeRefresh: TimeInterval
    /// When the counts were last taken, and whether a poll stored something since.
    private let refreshState = Mutex<(last: Date, dirty: Bool)>((.distantPast, true))

    public init(storeRefresh: TimeInterval = 600) {
        self.storeRefresh = storeRefresh
        pollDuration = registry.makeDurationHistogram(
            descriptor: Self.name("poll_duration", unit: "seconds",
                                  help: "Time from a source poll's start to its report, article fetches included"),
            labels: [],
            buckets: [.milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
                      .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120)])
        documents = registry.makeGauge(descriptor: Self.name("documents", help: "Documents stored"))
        versions = registry.makeGauge(descriptor: Self.name("versions", help: "Versions stored"))
        outboxBacklog = registry.makeGauge(
            descriptor: Self.name("outbox_backlog", help: "Events not yet written to the log directory"))
        failingSources = registry.makeGauge(
            descriptor: Self.name("failing_sources", help: "Sources whose last poll failed"))
    }

    /// Counts one finished source poll and its duration; a success also sets the source's last-success time.
    public func record(_ report: PollReport, duration: TimeInterval, at time: Date) {
        registry.makeCounter(
            descriptor: Self.name("polls", unit: "total", help: "Source polls by source and outcome"),
            labels: [("source", report.source), ("outcome", report.outcome.rawValue)]
        ).increment()
        pollDuration.recordSeconds(duration)
        if report.outcome == .new || report.outcome == .changed || !report.articles.isEmpty {
            refreshState.withLock { $0.dirty = true }
        }
        if report.outcome.isSuccess { setLastSuccess(report.source, time) }
    }

    /// Seeds the last-success gauges from the store at start.
    public func seedLastSuccesses(_ times: [String: Date]) {
        for (source, time) in times { setLastSuccess(source, time) }
    }

    /// The text format, after refreshing the gauges that are read on demand.
    public func render(failing: Int, database: any DocumentStore, now: Date) -> [UInt8] {
        failingSources.set(Double(failing))
        refreshStore(database, now: now)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        registry.emit(into: &buffer)
        return buffer
    }

    private func refreshStore(_ database: any DocumentStore, now: Date) {
        let due = refreshState.withLock { state in
            guard state.dirty || now.timeIntervalSince(state.last) >= storeRefresh || now < state.last else { return false }
            state = (now, false)
            return true
        }
        if let backlog = try? database.outboxBacklog() { outboxBacklog.set(Double(backlog)) }
        if let targets = try? database.pushBacklogs() {
            for target in targets {
                registry.makeGauge(
                    descriptor: Self.name("push_backlog", help: "Events not yet delivered to a [[notify]] target"),
                    labels: [("target", target.target)]
                ).set(Double(target.backlog))
            }
        }
        if due, let counts = try? database.storeCounts() {
            documents.set(Double(counts.documents))
            versions.set(Double(counts.versions))
        }
    }

    private func setLastSuccess(_ source: String, _ time: Date) {
        registry.makeGauge(
            descriptor: Self.name("source_last_success_timestamp", unit: "seconds",
                                  help: "Unix time of the source's last successful poll"),
            labels: [("source", source)]
        ).set(time.timeIntervalSince1970)
    }

    /// `docwatch_<name>[_<unit>]` with its `# HELP` text.
    private static func name(_ name: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "docwatch", metricName: name, unitName: unit, helpText: help)
    }
}

extension DurationHistogram {
    func recordSeconds(_ seconds: TimeInterval) {
        record(.milliseconds(Int64((max(0, seconds) * 1000).rounded())))
    }
}
