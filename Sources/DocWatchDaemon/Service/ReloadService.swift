import DocWatchConfig
import DocWatchCore
import DocWatchIngest
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP: added, removed and changed sources take effect at once.
///
/// A config that does not load is logged as one line and the old one stays. `database` and `log_dir`
/// are kept from the running config (changing them needs a restart). Tells systemd `RELOADING=1`
/// before and `READY=1` after, whatever the outcome. The owner of `live`: it replaces it once the push
/// targets and the scheduler have taken the new config.
public struct ReloadService: Service {
    private let signals: UnixSignalsSequence
    private let live: LiveConfiguration
    private let loader: ConfigLoader
    private let explicitPath: String?
    private let scheduler: PollScheduler
    private let database: any DocumentStore
    private let factory: PipelineFactory
    private let systemd: SystemdNotifier
    private let logger: Logger
    /// Given each reloaded config just before the scheduler takes it (push targets follow it).
    private let onApplied: (@Sendable (Configuration) async -> Void)?

    /// `signals` must already trap SIGHUP (create it before telling systemd READY=1).
    public init(
        signals: UnixSignalsSequence, loader: ConfigLoader, explicitPath: String?, live: LiveConfiguration, scheduler: PollScheduler,
        database: any DocumentStore, factory: PipelineFactory, systemd: SystemdNotifier,
        onApplied: (@Sendable (Configuration) async -> Void)? = nil, logger: Logger = Logger(label: "docwatch.reload")
    ) {
        self.onApplied = onApplied
        self.signals = signals
        self.live = live
        self.loader = loader
        self.explicitPath = explicitPath
        self.scheduler = scheduler
        self.database = database
        self.factory = factory
        self.systemd = systemd
        self.logger = logger
    }

    public func run() async {
        for await _ in signals.cancelOnGracefulShutdown() {
            systemd.reloading()
            await reload()
            systemd.ready(status: await scheduler.statusLine)
        }
    }

    /// Loads the config again and applies it; on any failure logs one line and keeps the old one.
    public func reload() async {
        let old = live.current
        var new: Configuration
        do {
            new = try loader.load(explicit: explicitPath)
        } catch {
            logger.error("reload failed, keeping the running config: \(error.description)")
            return
        }
        if new.database != old.database || new.logDir != old.logDir {
            logger.warning("database and log_dir changes take effect on restart; keeping the running ones",
                           metadata: ["database": "\(old.database)", "log_dir": "\(old.logDir)"])
            new.database = old.database
            new.logDir = old.logDir
        }
        do {
            try database.syncSources(new.sources)
        } catch {
            logger.error("reload failed, keeping the running config: \(error.description)")
            return
        }
        var poller: (any SourcePolling)?
        if PipelineFactory.needsRebuild(from: old, to: new) {
            do {
                poller = try factory.make(new)
            } catch {
                logger.error("reload failed, keeping the running config: cannot start libcurl: \(error.description)")
                try? database.syncSources(old.sources)
                return
            }
        }
        // Push targets first: a target added with a source gets that source's first events.
        await onApplied?(new)
        let summary = await scheduler.apply(new, poller: poller)
        live.replace(with: new)
        logger.info("reloaded \(new.file ?? "the config"): \(summary)", metadata: [
            "added": "\(summary.added.joined(separator: ","))", "removed": "\(summary.removed.joined(separator: ","))",
            "changed": "\(summary.changed.joined(separator: ","))",
        ])
    }
}
