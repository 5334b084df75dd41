import ArgumentParser
import DocWatchConfig
import DocWatchDaemon
import Foundation
import Logging

/// `docwatch run`: the polling daemon, in the foreground, for systemd (`Type=notify`).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the polling daemon in the foreground (for systemd Type=notify).",
        discussion: """
            Polls every configured source on its interval (± jitter), backs off after failures and honours \
            Retry-After; stores what changed and appends change notifications to the log directory.
            Signals: SIGTERM or SIGINT stop taking new polls, finish or cancel those in flight, flush \
            the notifications and exit 0. SIGHUP reloads the config; a config that does not load is \
            logged and the running one kept.
            Under systemd it sends READY=1, STATUS=, WATCHDOG=1 (when WatchdogSec is set), RELOADING=1 \
            and STOPPING=1 to $NOTIFY_SOCKET. Logs go to stderr, one line per event.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Least level logged: trace, debug, info, notice, warning, error or critical (default: $DOCWATCH_LOG_LEVEL, else info).", valueName: "level"))
    var logLevel: String?

    @Option(name: .long, help: ArgumentHelp("Seconds polls in flight may run on after SIGTERM before they are cancelled.", valueName: "seconds"))
    var shutdownGrace: Double = 10

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("'\(logLevel)' is not a log level (trace, debug, info, notice, warning, error, critical)")
        }
        guard shutdownGrace >= 0, shutdownGrace.isFinite else { throw ValidationError("--shutdown-grace must be 0 or more seconds") }
    }

    func run() async throws {
        try await Terminal.run {
            DaemonAllocator.configure(environment: ProcessInfo.processInfo.environment)
            let fromEnvironment = ProcessInfo.processInfo.environment["DOCWATCH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
            LineLogHandler.bootstrap(level: logLevel.flatMap(Logger.Level.init(rawValue:)) ?? fromEnvironment ?? .info)
            do {
                try await Daemon(explicitConfigPath: global.config, shutdownGrace: shutdownGrace).run()
            } catch let error as DaemonError {
                switch error {
                case .config(let error): throw CLIError(error)
                case .io(let message): throw CLIError.io(message)
                case .alreadyRunning(let message):
                    // 75 (EX_TEMPFAIL): retrying once the other daemon has stopped will work.
                    Terminal.error(message)
                    throw ExitCode(75)
                }
            }
        }
    }
}
