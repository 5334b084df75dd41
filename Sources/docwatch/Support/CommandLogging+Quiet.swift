import Foundation
import Logging

extension CommandLogging {
    /// A logger for `label` that drops messages below `level` unless `$DOCWATCH_LOG_LEVEL` asks for
    /// more: for messages a command already reports in its own words.
    static func logger(_ label: String, quietBelow level: Logger.Level) -> Logger {
        var logger = Logger(label: label)
        if ProcessInfo.processInfo.environment["DOCWATCH_LOG_LEVEL"] == nil { logger.logLevel = max(logger.logLevel, level) }
        return logger
    }
}
