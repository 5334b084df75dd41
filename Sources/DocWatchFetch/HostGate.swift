import Foundation

/// Decides when a transfer may start: the overall cap, the per-host cap and the least gap between
/// two starts to one host.
///
/// Pure arithmetic over the instants it is given (monotonic seconds), so it is tested with a fake clock.
struct HostGate: Sendable {
    /// What the gate says about one transfer.
    enum Admission: Equatable, Sendable {
        /// Start now; the gate has counted it.
        case start
        /// The host's delay has not passed; ask again at this instant.
        case notBefore(TimeInterval)
        /// A cap is reached; ask again when a transfer finishes.
        case full
    }

    let concurrency: Int
    let perHost: Int
    let hostDelay: TimeInterval
    private(set) var running = 0
    private var runningPerHost: [String: Int] = [:]
    private var lastStart: [String: TimeInterval] = [:]

    init(concurrency: Int, perHost: Int, hostDelay: TimeInterval) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
        self.hostDelay = max(0, hostDelay)
    }

    /// Admits a transfer to `host` at `now` if every rule allows it, and counts it when it does.
    mutating func admit(host: String, now: TimeInterval) -> Admission {
        guard running < concurrency, runningPerHost[host, default: 0] < perHost else { return .full }
        if let last = lastStart[host], now < last + hostDelay {
            return .notBefore(last + hostDelay)
        }
        running += 1
        runningPerHost[host, default: 0] += 1
        lastStart[host] = now
        return .start
    }

    /// Counts a transfer admitted earlier as finished.
    mutating func finished(host: String) {
        guard let count = runningPerHost[host] else { return }
        running -= 1
        runningPerHost[host] = count > 1 ? count - 1 : nil
    }

    /// Forgets hosts with nothing running whose delay has passed, so the gate does not grow forever.
    /// Rebuilds nothing when there is nothing to forget.
    mutating func forgetIdleHosts(now: TimeInterval) {
        let running = runningPerHost, delay = hostDelay
        let keeps: (String, TimeInterval) -> Bool = { host, last in running[host] != nil || now < last + delay }
        guard !lastStart.allSatisfy(keeps) else { return }
        lastStart = lastStart.filter(keeps)
    }

    /// The number of transfers running to `host`.
    func running(to host: String) -> Int { runningPerHost[host, default: 0] }
}
