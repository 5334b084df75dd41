import CCurl
import DocWatchCore
import Foundation
import Logging
import Synchronization

/// One curl multi handle and the thread that drives it: queued jobs wait for the host gate, start as
/// easy handles, and resume their callers when libcurl reports them done.
///
/// Other threads only touch `inbox` (under its lock) and signal `wakeup`; everything else belongs to
/// the loop thread.
final class CurlMultiLoop: @unchecked Sendable {
    private struct Inbox {
        var jobs: [FetchJob] = []
        var cancelled: [ObjectIdentifier] = []
        var stopping = false

        /// Whether the entry just added is the only one: only then does the loop need waking. It takes
        /// the whole inbox at once, so with more in it a wakeup is already on its way.
        var isFirst: Bool { jobs.count + cancelled.count == 1 }
    }

    private let multi: UnsafeMutableRawPointer
    private let settings: HTTPSettings
    private let userAgent: String
    /// `NoProxy.list` of the environment the fetcher started in.
    private let noProxy: String
    private let logger: Logger
    private let now: @Sendable () -> TimeInterval
    private let inbox = Mutex(Inbox())
    private let wakeup: LoopWakeup
    private let stopped = DispatchSemaphore(value: 0)
    private let threadStarted = Mutex(false)

    // Loop-thread state.
    private var gate: HostGate
    /// When `startAdmitted` next lets the gate forget idle hosts.
    private var nextForgetting: TimeInterval = 0
    private var waiting: [FetchJob] = []
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private let cookieJars = CookieJars()
    /// Easy handles of finished transfers, reset for the next ones.
    let handles: EasyHandlePool

    /// Makes the multi handle; the thread starts with `start()`.
    init(settings: HTTPSettings, userAgent: String, noProxy: String, logger: Logger,
         now: @escaping @Sendable () -> TimeInterval) throws(FetchError) {
        guard CurlGlobal.ensureInitialised(), let multi = curl_multi_init() else {
            throw .transfer(code: -1, message: "libcurl could not be initialised")
        }
        self.multi = multi
        wakeup = LoopWakeup(multi: multi)
        self.settings = settings
        self.userAgent = userAgent
        self.noProxy = noProxy
        self.logger = logger
        self.now = now
        gate = HostGate(concurrency: settings.concurrency, perHost: settings.perHost, hostDelay: settings.hostDelay)
        handles = EasyHandlePool(capacity: settings.concurrency)
    }

    deinit {
        // Easy handles first: a share handle in use cannot be freed. Out of the multi handle before
        // their pool resets them.
        for handle in running.keys { curl_multi_remove_handle(multi, handle) }
        running.removeAll()
        handles.removeAll()
        cookieJars.removeAll()
        curl_multi_cleanup(multi)
    }

    /// Starts the loop thread. The thread holds the loop until `stop()` ends it.
    func start() {
        threadStarted.withLock { $0 = true }
        let thread = Thread { [self] in run() }
        thread.name = "docwatch.curl"
        thread.start()
    }

    /// Queues a job; it fails with `.cancelled` at once when the loop is stopping.
    func submit(_ job: FetchJob) {
        let (accepted, wake) = inbox.withLock { inbox -> (Bool, Bool) in
            guard !inbox.stopping else { return (false, false) }
            inbox.jobs.append(job)
            return (true, inbox.isFirst)
        }
        guard accepted else { return job.finish(.failure(.cancelled)) }
        if wake { wakeup.signal() }
    }

    /// Asks the loop to drop a job (already finished by the caller) and free its transfer.
    func cancel(_ job: FetchJob) {
        let wake = inbox.withLock { inbox in
            inbox.cancelled.append(ObjectIdentifier(job))
            return inbox.isFirst
        }
        if wake { wakeup.signal() }
    }

    /// Cancels every job and waits for the thread to end. Safe to call more than once.
    func stop() {
        let first = inbox.withLock { inbox in
            defer { inbox.stopping = true }
            return !inbox.stopping
        }
        guard first, threadStarted.withLock({ $0 }) else { return }
        wakeup.signal()
        stopped.wait()
    }

    private func run() {
        while true {
            let (jobs, cancelled, stopping) = inbox.withLock { inbox in
                defer { inbox.jobs = []; inbox.cancelled = [] }
                return (inbox.jobs, inbox.cancelled, inbox.stopping)
            }
            waiting.append(contentsOf: jobs)
            if stopping { break }
            drop(Set(cancelled))
            let wakeAt = startAdmitted()
            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            // A finished transfer frees a slot: admit the next job before sleeping.
            if collectFinished() > 0, !waiting.isEmpty { continue }
            wakeup.waitFor(timeout: pollTimeout(until: wakeAt))
        }
        cancelEverything()
        stopped.signal()
    }

    /// Starts every waiting job the gate admits; returns the earliest instant a refused one may start.
    private func startAdmitted() -> TimeInterval? {
        let instant = now()
        // Forgetting only bounds the gate's memory (an idle host past its delay is admitted either way):
        // once a second is enough, and spares a busy loop a dictionary rebuild per transfer.
        if instant >= nextForgetting {
            gate.forgetIdleHosts(now: instant)
            nextForgetting = instant + 1
        }
        var wakeAt: TimeInterval?
        var refused: [FetchJob] = []
        var next = 0
        // With every slot taken nothing else can start: the rest stay as they are, unlooked at, so a
        // thousand queued jobs cost nothing per finished transfer (cancelled ones are dropped by `drop`).
        while next < waiting.count, gate.running < gate.concurrency {
            let job = waiting[next]
            next += 1
            guard !job.isFinished else { continue }
            switch gate.admit(host: job.host, now: instant) {
            case .start:
                begin(job)
            case .notBefore(let time):
                wakeAt = min(wakeAt ?? time, time)
                refused.append(job)
            case .full:
                refused.append(job)
            }
        }
        waiting.replaceSubrange(0..<next, with: refused)
        return wakeAt
    }

    private func begin(_ job: FetchJob) {
        do {
            let cookies = job.request.options.cookieJar.flatMap(cookieJars.share(for:))
            let transfer = try CurlTransfer(
                job: job, settings: settings, userAgent: userAgent, noProxy: noProxy, cookies: cookies, handles: handles)
            let added = curl_multi_add_handle(multi, transfer.handle)
            guard added == CURLM_OK else {
                throw FetchError.transfer(code: Int(added.rawValue), message: String(cString: curl_multi_strerror(added)))
            }
            running[transfer.handle] = transfer
        } catch let error as FetchError {
            gate.finished(host: job.host)
            job.finish(.failure(error))
        } catch {
            gate.finished(host: job.host)
            job.finish(.failure(.transfer(code: -1, message: "\(error)")))
        }
    }

    /// Resumes the callers of finished transfers; returns how many finished.
    private func collectFinished() -> Int {
        var finished = 0
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            let code = docwatch_msg_result(message)
            guard let transfer = end(handle) else { continue }
            transfer.finished = true
            let outcome = transfer.outcome(code)
            log(transfer.job, outcome)
            transfer.job.finish(outcome)
            finished += 1
        }
        return finished
    }

    /// Removes a running transfer from the multi handle and the gate.
    private func end(_ handle: UnsafeMutableRawPointer) -> CurlTransfer? {
        guard let transfer = running.removeValue(forKey: handle) else { return nil }
        curl_multi_remove_handle(multi, handle)
        gate.finished(host: transfer.job.host)
        return transfer
    }

    private func drop(_ cancelled: Set<ObjectIdentifier>) {
        guard !cancelled.isEmpty else { return }
        waiting.removeAll { cancelled.contains(ObjectIdentifier($0)) }
        for (handle, transfer) in running where cancelled.contains(ObjectIdentifier(transfer.job)) {
            _ = end(handle)
        }
    }

    private func cancelEverything() {
        let late = inbox.withLock { inbox in
            defer { inbox.jobs = [] }
            return inbox.jobs
        }
        for job in waiting + late { job.finish(.failure(.cancelled)) }
        waiting = []
        for handle in Array(running.keys) { end(handle)?.job.finish(.failure(.cancelled)) }
    }

    /// How long to sleep in `curl_multi_poll`: until the gate lets a job start, at most a second
    /// (libcurl shortens it further for its own timers).
    private func pollTimeout(until wakeAt: TimeInterval?) -> Int32 {
        guard let wakeAt else { return 1000 }
        let milliseconds = ((wakeAt - now()) * 1000).rounded(.up)
        return Int32(min(1000, max(0, milliseconds)))
    }

    private func log(_ job: FetchJob, _ outcome: Result<FetchResponse, FetchError>) {
        switch outcome {
        case .success(let response):
            logger.debug("fetched", metadata: [
                "url": "\(job.request.url)", "status": "\(response.status)", "bytes": "\(response.body.count)",
            ])
        case .failure(let error):
            logger.debug("fetch failed", metadata: ["url": "\(job.request.url)", "error": "\(error)"])
        }
    }
}
