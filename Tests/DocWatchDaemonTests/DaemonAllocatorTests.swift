@testable import DocWatchDaemon
import Testing

/// The daemon's malloc settings: applied at start, unless the operator set malloc tunables.
@Suite("Daemon allocator")
struct DaemonAllocatorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var environment: [String: String]
        var applied: Bool
        var testDescription: String { name }
    }

    @Test("limits malloc arenas unless the environment sets malloc tunables", arguments: [
        Case(name: "no tunables: applied", environment: ["PATH": "/usr/bin"], applied: true),
        Case(name: "MALLOC_ARENA_MAX set: left to it", environment: ["MALLOC_ARENA_MAX": "4"], applied: false),
        Case(name: "GLIBC_TUNABLES set: left to it", environment: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=4"], applied: false),
    ])
    func configure(_ test: Case) {
        #expect(DaemonAllocator.configure(environment: test.environment) == test.applied)
    }
}
