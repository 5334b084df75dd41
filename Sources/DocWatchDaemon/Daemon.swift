import DocWatchConfig
import DocWatchCore
import DocWatchIngest
import DocWatchNotify
import DocWatchPostgres
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `docwatch run`: loads the config, opens the database and runs the services until SIGTERM or SIGINT.
///
/// Services, in start order (graceful shutdown runs in reverse): watchdog, outbox drain, push, scheduler,
/// retention (daily prune), SIGHUP reload, metrics listener (when `[metrics] listen` is set), readiness.
/// So on SIGTERM systemd hears `STOPPING=1` first, reloads stop, the scheduler finishes or cancels its
/// polls, the outbox is drained once more, and the watchdog
/// is fed to the end.
public struct Daemon: Sendable {
    public var explicitConfigPath: String?
    public var environment: [String: String]
    /// How long in-flight polls may run on after SIGTERM before they are cancelled.
    public var shutdownGrace: TimeInterval
    /// The clock every timer loop reads and sleeps on: the scheduler, the drain and push back-offs, the
    /// daily prune and the watchdog.
    public var clock: any WallClock

    public init(
        explicitConfigPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        shutdownGrace: TimeInterval = 10, clock: any WallClock = SystemClock()
    ) {
        self.explicitConfigPath = explicitConfigPath
        self.environment = environment
        self.shutdownGrace = shutdownGrace
        self.clock = clock
    }

    /// Runs until a graceful shutdown has finished; throws only for what stops it from starting.
    public func run() async throws(DaemonError) {
        let logger = Logger(label: "docwatch")
        let loader = ConfigLoader(environment: environment)
        let configuration: Configuration
        do {
            configuration = try loader.load(explicit: explicitConfigPath)
        } catch {
            throw .config(error)
        }
        // One daemon per SQLite file; several may share a PostgreSQL database, each with its own log directory.
        let shared = StoreOpener.isPostgres(configuration.database)
        let lock = try DaemonLock.acquire(for: configuration, shared: shared)
        defer { withExtendedLifetime(lock) {} }
        let node = configuration.cluster.node ?? PostgresStore.defaultNode
        let database: any DocumentStore
        let stored: [String: SourceSchedule]
        do {
            database = try StoreOpener.open(configuration.database, node: node)
            // Damage in the middle of the file would otherwise surface only in the query that reads it.
            try database.quickCheck()
            try database.syncSources(configuration.sources)
            // Before the first poll, so a new push target's cursor sits before the events it should get.
            _ = try database.syncPushTargets(configuration.notify.map(\.id), now: clock.now())
            stored = try database.storedSchedules()
        } catch {
            throw .io(error.description)
        }
        let seams = StoreClusterSeams(store: database)
        let cluster = shared ? ClusterMembership(node: node, lease: configuration.cluster.lease, claims: seams) : nil
        let factory = PipelineFactory(database: database, clock: clock, hostSchedule: shared ? seams : nil)
        let pipeline: IngestPipeline
        do {
            pipeline = try factory.make(configuration)
        } catch {
            throw .io("cannot start libcurl: \(error.description)")
        }
        defer { factory.shutdown() }

        // Fed only when something can scrape it: a counter per source and outcome costs every poll a lookup.
        let metrics = DaemonMetrics()
        if let listen = configuration.metrics.listen {
            do throws(MetricsServerError) { try MetricsServer.checkAvailable(listen) } catch { throw .io(error.description) }
            metrics.seedLastSuccesses((try? database.lastSuccesses()) ?? [:])
        }
        let systemd = SystemdNotifier(environment: environment)
        let live = LiveConfiguration(configuration)
        let drain = OutboxDrainService(notifier: Notifier(database: database, logDir: configuration.logDir), clock: clock)
        let push = PushService(configuration: live, database: database,
                               sender: PushDispatcher(userAgent: configuration.userAgent, environment: environment), clock: clock,
                               cluster: cluster)
        let plan = SchedulePlan(configuration: configuration, stored: stored, now: clock.now())
        let scheduler = PollScheduler(plan: plan, poller: pipeline, database: database, clock: clock,
                                      shutdownGrace: shutdownGrace, systemd: systemd,
                                      metrics: configuration.metrics.listen == nil ? nil : metrics, cluster: cluster,
                                      onEvents: { drain.poke(); push.poke() })
        let status: @Sendable () async -> String = { await scheduler.statusLine }
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        var services: [any Service] = []
        if let interval = SystemdNotifier.watchdogInterval(environment: environment) {
            services.append(WatchdogService(systemd: systemd, interval: interval, clock: clock, status: status))
        }
        services += [
            drain,
            push,
            scheduler,
            RetentionService(retention: Retention(database: database, logDir: configuration.logDir),
                             configuration: live, clock: clock),
            ReloadService(signals: hangups, loader: loader, explicitPath: explicitConfigPath, live: live, scheduler: scheduler,
                          database: database, factory: factory, systemd: systemd, onApplied: { await push.apply($0) }),
            ReadinessService(systemd: systemd, logger: logger, status: status),
        ]
        if let listen = configuration.metrics.listen {
            do throws(MetricsServerError) {
                services.insert(try MetricsServer(address: listen, metrics: metrics, database: database,
                                                  scheduler: scheduler, clock: clock),
                                at: services.count - 1)
            } catch {
                throw .io(error.description)
            }
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map {
                .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                      failureTerminationBehavior: .gracefullyShutdownGroup)
            },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "docwatch.lifecycle"))
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(shutdownGrace + 20)
        logger.info("starting", metadata: [
            "config": "\(configuration.file ?? "-")", "database": "\(database.location)",
            "log_dir": "\(configuration.logDir)", "sources": "\(configuration.sources.count)",
            "node": "\(shared ? node : "-")",
        ])
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch {
            throw .io("service group failed: \(error)")
        }
        logger.info("stopped")
    }
}

/// Why the daemon could not start (or stopped abnormally); one line each.
public enum DaemonError: Error, Equatable, CustomStringConvertible {
    /// The configuration does not load (the CLI maps a missing file to 66, the rest to 78).
    case config(ConfigError)
    /// The database, libcurl or the log directory failed.
    case io(String)
    /// Another `docwatch run` holds the database's lock.
    case alreadyRunning(String)

    public var description: String {
        switch self {
        case .config(let error): error.description
        case .io(let message), .alreadyRunning(let message): message
        }
    }
}
