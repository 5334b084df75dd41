import DocWatchCore
import Foundation
import Logging

/// A per-host start schedule shared with other processes (daemons on one PostgreSQL database), so
/// `host_delay` holds across all of them and not only inside this fetcher's `HostGate`.
public protocol SharedHostSchedule: Sendable {
    /// Reserves the next start to `host`, at least `delay` after the one reserved before it by anyone;
    /// returns when this transfer may start (`now` or later). No lock is held while the caller waits.
    func reserve(host: String, delay: TimeInterval, now: Date) throws -> Date
}

/// Waits for this transfer's turn on a `SharedHostSchedule` before the fetcher's own gate sees it.
///
/// Only used when a shared schedule is given and `host_delay` is above zero, so a single daemon (SQLite)
/// and a cluster without a delay pay nothing. A schedule that cannot be reached (database down) is
/// logged and the transfer goes on under the in-process gate alone: politeness degrades to per-process,
/// polling does not stop.
struct SharedHostTurn: Sendable {
    let schedule: any SharedHostSchedule
    let delay: TimeInterval
    let clock: any WallClock
    let logger: Logger

    /// Returns once `host`'s reserved start has come; throws `.cancelled` when the task is cancelled first.
    func wait(for host: String) async throws(FetchError) {
        let now = clock.now()
        let start: Date
        do {
            start = try schedule.reserve(host: host, delay: delay, now: now)
        } catch {
            logger.warning("cannot reserve a start in the shared host schedule; keeping this process's host delay only",
                           metadata: ["host": "\(host)", "error": "\(error)"])
            return
        }
        guard start > now else { return }
        do {
            try await clock.sleep(until: start)
        } catch {
            throw .cancelled
        }
    }
}
