import DocWatchCore
import DocWatchNotify
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Pushes change events to the `[[notify]]` targets, each on its own loop so a failing target never
/// holds back another.
///
/// A target's loop runs a `TargetPush` round when poked (polls wrote events), every `idleRecheck`
/// (events a one-shot `docwatch fetch` wrote), and while failing on its `PushRetry` timer, ignoring
/// pokes. It logs one line when a target starts failing and one when it recovers. `apply` takes a
/// reloaded config: added targets start at the newest event, removed ones stop and lose their cursor,
/// changed ones restart from their stored cursor.
///
/// With a `ClusterMembership` (several daemons on one PostgreSQL database) a loop pushes only while
/// this node holds the target's lease (`claimPushTarget`, renewed before each round), so two daemons
/// never push the same event twice; when it takes a target over it first reads the stored cursor, which
/// the previous holder moved.
public actor PushService: Service {
    private struct Worker {
        var target: NotifyTarget
        var filter: PushFilter
        var wakeup: Wakeup
        var task: Task<Void, Never>
    }

    private let database: any DocumentStore
    private let pusher: TargetPush
    private let clock: any WallClock
    private let idleRecheck: TimeInterval
    private let logger: Logger
    private let configuration: LiveConfiguration
    private let cluster: ClusterMembership?
    private var workers: [String: Worker] = [:]
    private var stopped = false
    private let shutdown = Wakeup()
    /// The running loops' wakeups, for `poke()` from any thread.
    private let wakeups = Mutex<[Wakeup]>([])

    public init(
        configuration: LiveConfiguration, database: any DocumentStore, sender: any PushSending,
        clock: any WallClock = SystemClock(), idleRecheck: TimeInterval = 15,
        cluster: ClusterMembership? = nil, logger: Logger = Logger(label: "docwatch.push")
    ) {
        self.configuration = configuration
        self.cluster = cluster
        self.database = database
        pusher = TargetPush(database: database, sender: sender)
        self.clock = clock
        self.idleRecheck = idleRecheck
        self.logger = logger
    }

    /// New events were written: every target that is not backing off looks for them now.
    public nonisolated func poke() {
        for wakeup in wakeups.withLock({ $0 }) { wakeup.signal() }
    }

    public func run() async {
        await withGracefulShutdownHandler {
            await apply(configuration.current)
            while !shutdown.isStopped { await shutdown.wait(until: nil, clock: clock) }
            stopped = true
            for id in Array(workers.keys) { await stopWorker(id) }
        } onGracefulShutdown: { [shutdown] in
            shutdown.stop()
        }
    }

    /// Makes the running loops match `configuration.notify`; store failures are logged and leave the
    /// loops as they were.
    public func apply(_ configuration: Configuration) async {
        guard !stopped else { return }
        let cursors: [String: Int64]
        do {
            cursors = try database.syncPushTargets(configuration.notify.map(\.id), now: clock.now())
        } catch {
            logger.error("cannot register push targets: \(error.description)")
            return
        }
        let wanted = Dictionary(configuration.notify.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, worker) in workers {
            let filter = wanted[id].map { PushFilter(target: $0, configuredSources: configuration.sources) }
            if wanted[id] != worker.target || filter != worker.filter { await stopWorker(id) }
        }
        for target in configuration.notify where workers[target.id] == nil {
            let filter = PushFilter(target: target, configuredSources: configuration.sources)
            startWorker(target, filter: filter, cursor: cursors[target.id] ?? 0)
        }
    }

    private func startWorker(_ target: NotifyTarget, filter: PushFilter, cursor: Int64) {
        let wakeup = Wakeup()
        let lease = cluster.map { PushLease(membership: $0, database: database, target: target.id) }
        let task = Task { [pusher, clock, idleRecheck, logger] in
            await Self.loop(target: target, filter: filter, cursor: cursor, wakeup: wakeup, pusher: pusher, clock: clock,
                            idleRecheck: idleRecheck, lease: lease, logger: logger)
        }
        workers[target.id] = Worker(target: target, filter: filter, wakeup: wakeup, task: task)
        wakeups.withLock { $0.append(wakeup) }
    }

    /// Stops a loop and waits for it, so a restarted loop never sends an event the old one is sending.
    private func stopWorker(_ id: String) async {
        guard let worker = workers.removeValue(forKey: id) else { return }
        wakeups.withLock { $0.removeAll { $0 === worker.wakeup } }
        worker.wakeup.stop()
        worker.task.cancel()
        await worker.task.value
    }

    private static func loop(
        target: NotifyTarget, filter: PushFilter, cursor start: Int64, wakeup: Wakeup, pusher: TargetPush,
        clock: any WallClock, idleRecheck: TimeInterval, lease: PushLease?, logger: Logger
    ) async {
        var retry = PushRetry(initialDelay: target.backoff, maximumDelay: target.maxBackoff)
        var cursor = start
        var held = true
        while !wakeup.isStopped {
            if let lease {
                let holds = lease.renew(now: clock.now(), cursor: &cursor, held: held, logger: logger)
                held = holds
                guard holds else {
                    await wakeup.wait(until: clock.now().addingTimeInterval(idleRecheck), clock: clock)
                    continue
                }
            }
            let outcome = await pusher.round(target: target, filter: filter, cursor: &cursor)
            // A round cut short by shutdown or reload is no news about the target.
            if wakeup.isStopped { break }
            let report: DrainRetry.Report
            switch outcome {
            case .caughtUp(let delivered): report = retry.succeeded(delivered: delivered)
            case .failed(_, let error): report = retry.failed(error)
            }
            switch report {
            case .quiet:
                break
            case .startedFailing(let error):
                logger.warning("push target failing; its events wait and are retried with back-off", metadata: [
                    "target": "\(target.id)", "error": "\(error)", "max_delay": "\(DurationText.format(target.maxBackoff))"])
            case .recovered(let attempts, let delivered):
                logger.notice("push target delivering again", metadata: [
                    "target": "\(target.id)", "delivered": "\(delivered)", "failed_attempts": "\(attempts)"])
            }
            if let delay = retry.delay(draw: Double.random(in: 0..<1)) {
                await wakeup.waitIgnoringSignals(until: clock.now().addingTimeInterval(delay), clock: clock)
            } else {
                await wakeup.wait(until: clock.now().addingTimeInterval(idleRecheck), clock: clock)
            }
        }
    }
}
