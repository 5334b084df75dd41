import DocWatchCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs an external converter (pdftotext, soffice) safely and returns what it wrote to stdout.
///
/// No shell: the arguments go to `posix_spawn` as they are. Standard input is `/dev/null`, and no
/// other descriptor of ours but stdout and stderr is inherited. The
/// child leads a process group of its own, so on expiry of `timeLimit` or when stdout passes
/// `maxOutput` bytes the whole group (soffice's `soffice.bin` included) gets SIGKILL. The wait
/// runs on a thread of its own, never on the cooperative pool.
struct ConverterProcess: Sendable {
    /// The tool's name as an operator knows it, and the Debian package that installs it.
    let tool: String
    let package: String
    let arguments: [String]
    var timeLimit: Double
    var maxOutput: Int
    /// Directories searched for the tool; default `$PATH`.
    var searchPath: [String] = ConverterProcess.pathDirectories()
    /// Extra environment entries (`HOME` for soffice's profile).
    var environment: [String: String] = [:]

    /// The tool's absolute path, or `toolMissing`.
    func executable() throws(DocumentTextError) -> String {
        if tool.hasPrefix("/") {
            guard access(tool, X_OK) == 0 else { throw .toolMissing(tool: tool, package: package) }
            return tool
        }
        for directory in searchPath where !directory.isEmpty {
            let candidate = directory + "/" + tool
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw .toolMissing(tool: tool, package: package)
    }

    /// Runs the tool to completion and returns its stdout.
    func run() async throws(DocumentTextError) -> [UInt8] {
        let path = try executable()
        let result: Result<[UInt8], DocumentTextError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Result { () throws(DocumentTextError) in try self.runBlocking(path) })
            }
        }
        return try result.get()
    }

    private func runBlocking(_ path: String) throws(DocumentTextError) -> [UInt8] {
        var stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        // Close-on-exec from the start (pipe2, not pipe + fcntl): a process another thread spawns in
        // between would otherwise inherit our write ends and hold stdout open, so the read would wait for
        // that process's exit long after the converter was killed.
        guard Self.closeOnExecPipe(&stdoutPipe), Self.closeOnExecPipe(&stderrPipe) else {
            throw .toolFailed(tool: tool, status: -1, message: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        let pid: pid_t
        do {
            defer { close(stdoutPipe[1]); close(stderrPipe[1]) }
            pid = try spawn(path, stdout: stdoutPipe[1], stderr: stderrPipe[1])
        } catch {
            close(stdoutPipe[0]); close(stderrPipe[0])
            throw error
        }
        defer { close(stdoutPipe[0]); close(stderrPipe[0]) }
        let collected = collect(pid: pid, stdout: stdoutPipe[0], stderr: stderrPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        switch collected.ending {
        case .timedOut: throw .timedOut(tool: tool, seconds: timeLimit)
        case .tooLarge: throw .tooLarge("\(tool) wrote more than \(ByteSize.format(maxOutput))")
        case .finished: break
        }
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : -(status & 0x7F)
        guard code == 0 else {
            let message = String(decoding: collected.stderr.prefix(300), as: UTF8.self)
            throw .toolFailed(tool: tool, status: code, message: Whitespace.fold(message))
        }
        return collected.stdout
    }

    private func spawn(_ path: String, stdout: Int32, stderr: Int32) throws(DocumentTextError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Nothing else of ours reaches the converter: a converter that lingers must not hold the
        // daemon's sockets or files open.
        guard let closeFrom = Self.addCloseFrom(), closeFrom(&actions, 3) == 0 else {
            throw .toolFailed(tool: tool, status: -1, message: "cannot start: this C library has no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later)")
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        var code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        // ETXTBSY: another thread's child (forked while the tool's file was open for writing) still
        // holds it; that child execs or exits within moments.
        for _ in 0..<20 where code == ETXTBSY {
            usleep(50_000)
            code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        guard code == 0 else {
            throw .toolFailed(tool: tool, status: -1, message: "cannot start: \(String(cString: strerror(code)))")
        }
        return pid
    }

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    /// A pipe whose ends are close-on-exec from birth: glibc's `pipe2`, which its header declares only
    /// under `_GNU_SOURCE`; `pipe` + `fcntl` where it is missing.
    private static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
        if let pipe2 = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2").map({ unsafeBitCast($0, to: Pipe2.self) }) {
            return pipe2(&fds, O_CLOEXEC) == 0
        }
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which its header declares only
    /// under `_GNU_SOURCE`, so Swift's Glibc module does not show it.
    private static func addCloseFrom() -> AddCloseFrom? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            .map { unsafeBitCast($0, to: AddCloseFrom.self) }
    }

    private enum Ending { case finished, timedOut, tooLarge }

    /// Reads both pipes until they close, the deadline passes or stdout passes the cap; on the
    /// last two the process group is killed.
    private func collect(pid: pid_t, stdout: Int32, stderr: Int32) -> (stdout: [UInt8], stderr: [UInt8], ending: Ending) {
        var out: [UInt8] = [], err: [UInt8] = []
        var open: [Int32] = [stdout, stderr]
        let deadline = Date().addingTimeInterval(timeLimit)
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                kill(-pid, SIGKILL)
                return (out, err, .timedOut)
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 3600) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    open.removeAll { $0 == entry.fd }
                } else if entry.fd == stdout {
                    out.append(contentsOf: buffer[0..<count])
                    if out.count > maxOutput {
                        kill(-pid, SIGKILL)
                        return (out, err, .tooLarge)
                    }
                } else if err.count < 4096 {
                    err.append(contentsOf: buffer[0..<count])
                }
            }
        }
        return (out, err, .finished)
    }

    /// `$PATH` split into directories. Every page poll makes a reader, so the split is kept while
    /// `$PATH` stays the same (read with `getenv`: `ProcessInfo.environment` copies the whole environment).
    static func pathDirectories() -> [String] {
        guard let path = getenv("PATH") else { return ["/usr/local/bin", "/usr/bin", "/bin"] }
        return splitPath.withLock { cached in
            if let cached, strcmp(cached.path, path) == 0 { return cached.directories }
            let text = String(cString: path)
            let directories = text.split(separator: ":").map(String.init)
            cached = (text, directories)
            return directories
        }
    }

    /// The last `$PATH` split, and its directories.
    private static let splitPath = Mutex<(path: String, directories: [String])?>(nil)
}
