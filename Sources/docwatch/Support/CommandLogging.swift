import Foundation
import Logging

/// Log set-up for one-shot commands: warnings and errors on stderr, or `$DOCWATCH_LOG_LEVEL`.
enum CommandLogging {
    static func bootstrap(default level: Logger.Level = .warning) {
        let configured = ProcessInfo.processInfo.environment["DOCWATCH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configured ?? level
            return handler
        }
    }
}
