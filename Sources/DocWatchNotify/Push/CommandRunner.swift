#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import Foundation
import Synchronization

/// Runs a push command for one event: the event's JSON line on stdin, `DOCWATCH_EVENT_ID`,
/// `DOCWATCH_EVENT_SEQ` and `DOCWATCH_EVENT_TYPE` in its environment, stdout discarded, stderr
/// inherited (the daemon's journal). Exit 0 is delivered. After `timeout` the command's whole
/// process group is killed (SIGKILL) and the attempt counts as failed.
enum CommandRunner {
    static func deliver(
        _ event: ChangeEvent, arguments: [String], environment: [String: String], timeout: TimeInterval
    ) async -> PushResult {
        _ = ignoreBrokenPipes
        var variables = environment
        variables["DOCWATCH_EVENT_ID"] = event.id
        variables["DOCWATCH_EVENT_SEQ"] = String(event.seq)
        variables["DOCWATCH_EVENT_TYPE"] = event.type.rawValue
        let pid: pid_t
        let input: Int32
        switch spawn(arguments, environment: variables) {
        case .success(let started): (pid, input) = started
        case .failure(let error): return .failed(error.message)
        }
        let timedOut = Mutex(false)
        let killer = Task {
            try? await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))
            if Task.isCancelled { return }
            timedOut.withLock { $0 = true }
            kill(-pid, SIGKILL)
        }
        // Shutdown (or a reload that stops this target) does not wait for a slow command: it is killed
        // and the event stays owed.
        let status = await withTaskCancellationHandler {
            await waitOnThread(pid: pid, writing: Array((event.jsonLine() + "\n").utf8), to: input)
        } onCancel: {
            kill(-pid, SIGKILL)
        }
        killer.cancel()
        if timedOut.withLock({ $0 }) { return .failed("killed after the time limit of \(DurationText.format(timeout))") }
        if status & 0x7f == 0 {
            let code = (status >> 8) & 0xff
            return code == 0 ? .delivered : .failed("exit status \(code)")
        }
        return .failed("killed by signal \(status & 0x7f)")
    }

    /// A command that exits without reading its stdin must not kill the daemon with SIGPIPE: the
    /// write then fails with EPIPE instead. Runs once, on the first command.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    struct SpawnError: Error { var message: String }

    /// Starts the command in a process group of its own with a pipe on stdin; returns its pid and the
    /// pipe's writing end.
    private static func spawn(_ arguments: [String], environment: [String: String]) -> Result<(pid_t, Int32), SpawnError> {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failure(SpawnError(message: "cannot make a pipe: errno \(errno)")) }
        // Close-on-exec at once, so commands spawned meanwhile for other targets do not hold this pipe.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGQUIT] { sigaddset(&defaults, signal) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(fds[0])
        guard result == 0 else {
            close(fds[1])
            return .failure(SpawnError(message: "cannot start \(arguments[0]): \(String(cString: strerror(result)))"))
        }
        return .success((pid, fds[1]))
    }

    /// On a thread of its own: writes `bytes` to `fd` and closes it (a command that exits without
    /// reading is fine), then waits for `pid`; returns its wait status.
    private static func waitOnThread(pid: pid_t, writing bytes: [UInt8], to fd: Int32) async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var offset = 0
                while offset < bytes.count {
                    let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { break }
                    offset += written
                }
                close(fd)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                continuation.resume(returning: status)
            }
            thread.name = "docwatch-command"
            thread.start()
        }
    }
}
