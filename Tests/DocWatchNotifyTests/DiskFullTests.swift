import DocWatchCore
@testable import DocWatchNotify
import DocWatchStore
import Foundation
import Glibc
import Synchronization
import Testing

/// A full disk (or a failing fsync) never leaves a partial line behind: the file is cut back to
/// where it was, so the retry writes whole lines only.
@Suite("Notifier: disk full")
struct DiskFullTests {
    /// How the injected system calls behave.
    enum Fault: Sendable, CustomStringConvertible {
        case none
        /// The first write stores a few bytes (the page boundary), every later one fails with ENOSPC.
        case shortThenFull
        /// Every write fails with ENOSPC.
        case full
        /// Writes work, fsync fails with EIO.
        case fsyncFails

        var description: String {
            switch self {
            case .none: "no fault"
            case .shortThenFull: "a short write, then ENOSPC"
            case .full: "ENOSPC at once"
            case .fsyncFails: "fsync fails with EIO"
            }
        }
    }

    /// Real `write`/`fsync`, with `fault` applied; switchable while the test runs.
    final class FaultySyscalls: Sendable {
        private let state = Mutex((fault: Fault.none, shortDone: false))

        func set(_ fault: Fault) { state.withLock { $0 = (fault, false) } }

        var syscalls: FileSyscalls {
            FileSyscalls(
                write: { [self] fd, buffer in
                    let fault = self.state.withLock { state -> (Fault, Bool) in
                        defer { if case .shortThenFull = state.fault { state.shortDone = true } }
                        return (state.fault, state.shortDone)
                    }
                    switch fault {
                    case (.shortThenFull, false):
                        return FileSyscalls.system.write(fd, UnsafeRawBufferPointer(rebasing: buffer.prefix(7)))
                    case (.shortThenFull, true), (.full, _):
                        return -Int(ENOSPC)
                    case (.none, _), (.fsyncFails, _):
                        return FileSyscalls.system.write(fd, buffer)
                    }
                },
                fsync: { [self] fd in
                    if case .fsyncFails = self.state.withLock({ $0.fault }) { return EIO }
                    return FileSyscalls.system.fsync(fd)
                })
        }
    }

    @Test("a failed append cuts the file back to its last line and the retry writes only whole lines",
          arguments: [Fault.shortThenFull, .full, .fsyncFails])
    func failedAppendIsCutBack(fault: Fault) throws {
        let space = try NotifyWorkspace()
        let faults = FaultySyscalls()
        let notifier = Notifier(database: space.database, directory: ChangeLogDirectory(path: space.logDir, syscalls: faults.syscalls))
        try space.store("https://a.example/1", "一")
        try notifier.drain()
        let before = space.changeFileBytes()
        try space.store("https://a.example/2", "二")
        try space.store("https://a.example/3", "三")

        faults.set(fault)
        #expect(throws: NotifyError.self) { try notifier.drain() }
        #expect(space.changeFileBytes() == before, "the file ends where it ended before the failed write")
        #expect(try space.database.pendingEvents().map(\.event.seq) == [2, 3])
        // Failing again (a retry while the disk is still full) changes nothing either.
        #expect(throws: NotifyError.self) { try notifier.drain() }
        #expect(space.changeFileBytes() == before)

        faults.set(.none)
        #expect(try notifier.drain() == 2)
        #expect(try space.lines().map(\.seq) == [1, 2, 3])
    }

    @Test("a diff that cannot be written whole leaves no diff file; the retry writes it whole",
          arguments: [Fault.shortThenFull, .fsyncFails])
    func failedDiffLeavesNoFile(fault: Fault) throws {
        let space = try NotifyWorkspace()
        let faults = FaultySyscalls()
        let notifier = Notifier(database: space.database, directory: ChangeLogDirectory(path: space.logDir, syscalls: faults.syscalls))
        try space.store("https://a.example/1", "第一段。")
        try notifier.drain()
        try space.store("https://a.example/1", "第一段。\n新的一句。", at: 60)

        faults.set(fault)
        #expect(throws: NotifyError.self) { try notifier.drain() }
        let diffs = space.logDir + "/diffs/2026-08-06"
        #expect(try FileManager.default.contentsOfDirectory(atPath: diffs).isEmpty)

        faults.set(.none)
        try notifier.drain()
        #expect(try FileManager.default.contentsOfDirectory(atPath: diffs) == ["2.diff"])
        #expect(try String(contentsOfFile: diffs + "/2.diff", encoding: .utf8).contains("+新的一句。"))
        #expect(try space.lines().map(\.seq) == [1, 2])
    }
}
