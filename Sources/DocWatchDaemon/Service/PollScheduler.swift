import DocWatchCore
import DocWatchIngest
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle

/// The polling loop: starts due sources up to `[http] concurrency`, records each poll's outcome and next
/// due time, and sleeps until the next source is due or something changes.
///
/// With a `ClusterMembership` (several daemons on one PostgreSQL database) it asks the store to lease
/// each batch of due sources first, polls only those it got, and puts the others back in its plan at
/// the time the store gives (another node holds them, or polled them since). Without one (SQLite),
/// every due source is its own.
///
/// On graceful shutdown it starts nothing new, lets in-flight polls finish for `shutdownGrace`, then
/// cancels what is left (a cancelled poll is not counted as a failure and stays due).
///
/// Each poll's health (outcome, failures, next due time) is written through a `HealthBatch`: polls that
/// finish within `healthWindow` of each other share one transaction, written at the latest before the
/// loop sleeps past the window and at shutdown. In a cluster the window is 0 (each poll's write also
/// hands its lease back, so it is not held back).
///
/// A finished poll wakes the loop only when that changes what the loop waits for: a slot freed in a full
/// plan, a due time sooner than the loop's, a health write to make, a shutdown waiting for it, or (in a
/// cluster) the renewal of leases in flight.
public actor PollScheduler: Service {
    private var plan: SchedulePlan
    private var poller: any SourcePolling
    private let database: any DocumentStore
    private let cluster: ClusterMembership?
    private let clock: any WallClock
    private let shutdownGrace: TimeInterval
    private let onEvents: @Sendable () -> Void
    private let metrics: DaemonMetrics?
    private let systemd: SystemdNotifier
    private let logger: Logger
    private let wakeup = Wakeup()
    private var counts = PollCounts()
    private var lastStatus = Date.distantPast
    /// When the leases of the polls in flight are renewed next (cluster only; nil with none in flight).
    private var nextRenewal: Date?
    /// Health writes waiting for their transaction.
    private var health: HealthBatch
    /// Whether `health` gathers writes (false: each poll writes its own, as in a cluster).
    private let batchesHealth: Bool
    /// What the loop sleeps until now (nil: until a signal); stale while the loop runs, which then
    /// computes it again before it sleeps.
    private var loopDeadline: Date?

    public init(
        plan: SchedulePlan, poller: any SourcePolling, database: any DocumentStore, clock: any WallClock = SystemClock(),
        shutdownGrace: TimeInterval = 10, systemd: SystemdNotifier = SystemdNotifier(),
        logger: Logger = Logger(label: "docwatch.scheduler"), metrics: DaemonMetrics? = nil,
        cluster: ClusterMembership? = nil, healthWindow: TimeInterval? = nil,
        onEvents: @escaping @Sendable () -> Void = {}
    ) {
        self.cluster = cluster
        self.health = HealthBatch(window: healthWindow ?? (cluster == nil ? 1 : 0))
        self.batchesHealth = health.window > 0
        self.metrics = metrics
        self.plan = plan
        self.poller = poller
        self.database = database
        self.clock = clock
        self.shutdownGrace = shutdownGrace
        self.systemd = systemd
        self.logger = logger
        self.onEvents = onEvents
    }

    /// Sources whose last poll failed.
    public var failingCount: Int { plan.failingCount }

    /// Live counts, one line, for `STATUS=`.
    public var statusLine: String {
        "\(plan.sourceCount) sources, \(plan.inFlight.count) polling, \(plan.failingCount) failing; "
            + "\(counts.polls) polls, \(counts.errors) errors, \(counts.changes) new or changed documents since start"
    }

    public func run() async {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                while !wakeup.isStopped {
                    await startDuePolls(in: &group)
                    await renewLeasesIfDue()
                    let due = isFull ? nil : plan.nextDue()
                    let renewal = plan.inFlight.isEmpty ? nil : nextRenewal
                    var wake = [due, renewal].compactMap { $0 }.min()
                    // A full plan sleeps until a poll ends; gathered health is not held back longer than its window.
                    if isFull, let written = health.deadline { wake = min(wake ?? written, written) }
                    if health.isDue(now: clock.now(), sleepingUntil: wake) { writeHealth() }
                    loopDeadline = wake
                    await wakeup.wait(until: wake, clock: clock)
                }
                await finishInFlight(group: &group)
                writeHealth()
            }
        } onGracefulShutdown: { [wakeup] in
            wakeup.stop()
        }
        logger.info("scheduler stopped", metadata: ["polls": "\(counts.polls)"])
    }

    /// Takes a reloaded configuration (its sources already synced to the store) and, when the fetch
    /// settings changed, the poller built for it. New polls use them at once.
    @discardableResult
    public func apply(_ configuration: Configuration, poller newPoller: (any SourcePolling)? = nil) -> ReloadSummary {
        let summary = plan.apply(configuration, now: clock.now())
        if let newPoller { poller = newPoller }
        wakeup.signal()
        publishStatus(force: true)
        return summary
    }

    /// Whether as many polls are in flight as `[http] concurrency` allows.
    private var isFull: Bool { plan.inFlight.count >= plan.configuration.http.concurrency }

    private func startDuePolls(in group: inout DiscardingTaskGroup) async {
        let free = plan.configuration.http.concurrency - plan.inFlight.count
        guard free > 0 else { return }
        var due = plan.takeDue(now: clock.now(), limit: free)
        if let cluster, !due.isEmpty { due = await claimed(due, in: cluster) }
        let poller = self.poller
        for source in due {
            group.addTask { await self.poll(source, with: poller) }
        }
    }

    /// The sources among `due` this node leased; the rest go back in the plan at the store's time (or
    /// shortly, when the claim failed), without counting a failure.
    private func claimed(_ due: [Source], in cluster: ClusterMembership) async -> [Source] {
        let ids = due.map(\.id)
        let now = clock.now()
        let claims: SourceClaims
        do {
            claims = try await Self.claim(ids, in: cluster, now: now)
        } catch {
            logger.error("cannot claim due sources; trying again shortly", metadata: ["sources": "\(ids.count)", "error": "\(error)"])
            claims = SourceClaims(claimed: [])
        }
        let mine = Set(claims.claimed)
        for id in ids where !mine.contains(id) {
            plan.defer(id, until: claims.deferred[id] ?? now.addingTimeInterval(ClusterMembership.failedClaimRetry))
        }
        if !mine.isEmpty && (nextRenewal.map { $0 <= now } ?? true) { nextRenewal = now.addingTimeInterval(cluster.renewalInterval) }
        return due.filter { mine.contains($0.id) }
    }

    /// Renews the leases of the polls in flight every third of the lease, so a slow poll (a queue at a
    /// host, a long download) keeps its source while this node lives; only a dead node's leases run out.
    private func renewLeasesIfDue() async {
        guard let cluster, let due = nextRenewal, clock.now() >= due else { return }
        let inFlight = plan.inFlight.sorted()
        guard !inFlight.isEmpty else {
            nextRenewal = nil
            return
        }
        let now = clock.now()
        nextRenewal = now.addingTimeInterval(cluster.renewalInterval)
        do {
            _ = try await Self.claim(inFlight, in: cluster, now: now)
        } catch {
            logger.error("cannot renew the leases of polls in flight", metadata: ["sources": "\(inFlight.count)", "error": "\(error)"])
        }
    }

    /// The store round trip, off the actor.
    private nonisolated static func claim(_ ids: [String], in cluster: ClusterMembership, now: Date) async throws(StoreError) -> SourceClaims {
        try cluster.claims.claimSources(ids, node: cluster.node, now: now, lease: cluster.lease)
    }

    private func finishInFlight(group: inout DiscardingTaskGroup) async {
        let deadline = clock.now().addingTimeInterval(shutdownGrace)
        if !plan.inFlight.isEmpty {
            logger.info("waiting for polls in flight", metadata: ["polls": "\(plan.inFlight.count)"])
        }
        while !plan.inFlight.isEmpty && clock.now() < deadline {
            await wakeup.wait(until: deadline, clock: clock)
        }
        if !plan.inFlight.isEmpty {
            logger.warning("cancelling polls still in flight", metadata: ["polls": "\(plan.inFlight.count)"])
            group.cancelAll()
        }
    }

    /// Runs one poll off the actor, then records it; the store writes happen off the actor too.
    private nonisolated func poll(_ source: Source, with poller: any SourcePolling) async {
        let started = clock.now()
        let report = await poller.poll(source)
        if Task.isCancelled {
            await abandon(source.id)
            releaseLease(of: source.id)
            return
        }
        if report.wroteEvents { onEvents() }
        guard let decision = await finished(source.id, report: report, started: started), !batchesHealth else { return }
        do {
            let event = try database.recordSourcePoll(
                source: source.id, time: clock.now(), outcome: report.outcome, error: report.error,
                nextDue: decision.nextDue)
            if event != nil { onEvents() }
        } catch {
            logger.error("cannot record the poll", metadata: ["source": "\(source.id)", "error": "\(error)"])
        }
    }

    /// Ends a poll in the plan, counts it, gathers its health write (when batched) and wakes the loop if
    /// that changes what it waits for. Returns the decision, nil when the source was removed meanwhile.
    private func finished(_ id: String, report: PollReport, started: Date) -> PollDecision? {
        let now = clock.now()
        let wasFull = isFull
        let decision = plan.finish(id, report: report, now: now)
        counts.add(report)
        metrics?.record(report, duration: now.timeIntervalSince(started), at: now)
        if let decision, decision.failures > 0 {
            logger.notice("source poll failed, backing off", metadata: [
                "source": "\(id)", "url": "\(report.url)", "failures": "\(decision.failures)",
                "next": "\(Timestamp.utc(decision.nextDue))", "error": "\(report.error ?? "")",
            ])
        }
        // In a cluster the loop's wait also holds the renewal of leases in flight, which this poll may end.
        var wake = cluster != nil || wasFull || wakeup.isStopped || loopDeadline == nil
        if let decision, let loopDeadline, decision.nextDue < loopDeadline { wake = true }
        if let decision, batchesHealth {
            health.add(SourcePoll(source: id, time: now, outcome: report.outcome, error: report.error, nextDue: decision.nextDue),
                       now: now)
            if health.count >= health.limit {
                writeHealth()
            } else if health.isDue(now: now, sleepingUntil: loopDeadline) {
                wake = true
            }
        }
        if wake { wakeup.signal() }
        publishStatus(force: false)
        return decision
    }

    /// Writes the gathered health of finished polls in one transaction; a failure is logged (the store
    /// keeps its queued 304s for its next write).
    private func writeHealth() {
        let polls = health.take()
        guard !polls.isEmpty else { return }
        do {
            if try !database.recordSourcePolls(polls).isEmpty { onEvents() }
        } catch {
            logger.error("cannot record the polls", metadata: [
                "sources": "\(polls.count)", "first": "\(polls[0].source)", "error": "\(error)"])
        }
    }

    /// A cancelled poll's source goes back to the other daemons now rather than when its lease ends.
    private nonisolated func releaseLease(of id: String) {
        guard let cluster else { return }
        do {
            try cluster.claims.releaseSources([id], node: cluster.node)
        } catch {
            logger.warning("cannot release the lease of a cancelled poll", metadata: ["source": "\(id)", "error": "\(error)"])
        }
    }

    private func abandon(_ id: String) {
        plan.abandon(id, now: clock.now())
        wakeup.signal()
    }

    private func publishStatus(force: Bool) {
        guard systemd.isEnabled, !wakeup.isStopped else { return }
        let now = clock.now()
        guard force || now.timeIntervalSince(lastStatus) >= 1 else { return }
        lastStatus = now
        systemd.status(statusLine)
    }
}

/// Polls made since start, for the status line.
struct PollCounts: Sendable {
    var polls = 0
    var errors = 0
    var changes = 0

    mutating func add(_ report: PollReport) {
        polls += 1
        if report.outcome == .error { errors += 1 }
        changes += report.documentChanges
    }
}
