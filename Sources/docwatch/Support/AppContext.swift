import DocWatchConfig
import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import DocWatchNotify
import DocWatchStore
import Foundation
import Logging

/// The parts a command needs, built from the configuration.
struct AppContext {
    let configuration: Configuration
    let database: DocWatchDatabase

    /// `.readOnly` (query, show, diff, log, sources) opens the database without creating or changing anything.
    init(configuration: Configuration, access: DatabaseAccess = .readWrite) throws {
        self.configuration = configuration
        if access == .readOnly {
            database = try Self.openReader(configuration)
            return
        }
        do {
            database = try DocWatchDatabase.open(path: configuration.database)
        } catch {
            throw CLIError.io(error.description)
        }
    }

    var timeZone: TimeZone { PageTimeZone.named(configuration.timezone) }

    func notifier() -> Notifier {
        Notifier(database: database, logDir: configuration.logDir)
    }

    func extractor() -> Extractor {
        Extractor(options: ExtractionOptions(timeZone: timeZone))
    }

    /// Turns a store failure into exit code 74.
    func store<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CLIError.io(error.description)
        }
    }
}
