import DocWatchCore
import DocWatchNotify
import Foundation

/// One daemon per database: `docwatch run` holds an exclusive lock on `<database>.lock`, with its pid
/// written in the file, from before the database is opened until the process ends. On a PostgreSQL
/// database, which several daemons share, it locks its log directory instead (`<log_dir>/.daemon.lock`):
/// each daemon writes the events it drained into a directory of its own.
///
/// A one-shot `fetch` does not take it (it may run beside the daemon; the drain lock keeps the
/// change log right). The file stays after exit; the lock does not, even after a crash.
enum DaemonLock {
    /// The lock file of the database at `databasePath`.
    static func path(database databasePath: String) -> String { databasePath + ".lock" }

    /// The lock file of a log directory (daemons on a shared PostgreSQL database).
    static func path(logDir: String) -> String { logDir + "/.daemon.lock" }

    /// The lock this daemon takes for `configuration`: its SQLite file's, or its log directory's.
    static func acquire(for configuration: Configuration, shared: Bool) throws(DaemonError) -> LockFile {
        shared ? try acquire(path: path(logDir: configuration.logDir), owner: "log directory")
            : try acquire(path: path(database: configuration.database), owner: "database")
    }

    /// Takes the lock without waiting, creating the database's directory if needed.
    /// Throws `DaemonError.alreadyRunning` naming the holder's pid when another daemon has it.
    static func acquire(database databasePath: String, pid: Int32 = getpid()) throws(DaemonError) -> LockFile {
        try acquire(path: path(database: databasePath), owner: "database", pid: pid)
    }

    /// Takes the lock at `path` without waiting, creating its directory if needed; `owner` names what
    /// one daemon owns in the message.
    static func acquire(path: String, owner: String, pid: Int32 = getpid()) throws(DaemonError) -> LockFile {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        do throws(LockFile.Failure) {
            let lock = try LockFile.lock(path, wait: false)
            try lock.write("\(pid)\n")
            return lock
        } catch {
            switch error {
            case .held:
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                let who = holder.flatMap { $0.isEmpty ? nil : "pid \($0)" } ?? "another process"
                throw .alreadyRunning("another docwatch run (\(who)) already holds \(path); one daemon per \(owner)")
            case .system(let file, let message):
                throw .io("cannot take the daemon lock \(file): \(message)")
            }
        }
    }
}
