import DocWatchNotify
import Foundation

/// One daemon per database: `docwatch run` holds an exclusive lock on `<database>.lock`, with its pid
/// written in the file, from before the database is opened until the process ends.
///
/// A one-shot `fetch` does not take it (it may run beside the daemon; the drain lock keeps the
/// change log right). The file stays after exit; the lock does not, even after a crash.
enum DaemonLock {
    /// The lock file of the database at `databasePath`.
    static func path(database databasePath: String) -> String { databasePath + ".lock" }

    /// Takes the lock without waiting, creating the database's directory if needed.
    /// Throws `DaemonError.alreadyRunning` naming the holder's pid when another daemon has it.
    static func acquire(database databasePath: String, pid: Int32 = getpid()) throws(DaemonError) -> LockFile {
        let path = path(database: databasePath)
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
                throw .alreadyRunning("another docwatch run (\(who)) already holds \(path); one daemon per database")
            case .system(let file, let message):
                throw .io("cannot take the daemon lock \(file): \(message)")
            }
        }
    }
}
