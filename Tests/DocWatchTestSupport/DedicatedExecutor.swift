import Foundation

/// Runs the tasks that prefer it on a serial dispatch queue, a thread outside the concurrency pool.
///
/// The full suite runs on 2 cores, where CPU-bound tests can hold both of the pool's threads for
/// seconds; a loopback server on the pool then stops answering and a child process's 5 s fetch
/// timeout fires. Each in-process test server runs on one of its own (child tasks and default actors
/// follow a task's executor preference), so it answers whatever the pool is doing.
public final class DedicatedExecutor: TaskExecutor {
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
