#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings for the long-running daemon, applied once at `docwatch run` start.
///
/// glibc gives each thread that contends for memory an arena of its own, up to eight per core; the
/// daemon's concurrency pool, libcurl and GRDB threads end up with seven, each keeping freed memory of its
/// own. Two arenas (`M_ARENA_MAX`) serve a daemon that mostly waits as well, with about 0.5 MiB less
/// resident. A `MALLOC_ARENA_MAX` or `GLIBC_TUNABLES` in the environment is the operator's choice and wins.
public enum DaemonAllocator {
    /// The arenas the daemon's malloc may use.
    public static let arenas: Int32 = 2

    /// Applies the settings unless the environment sets malloc tunables; returns whether they were applied.
    @discardableResult
    public static func configure(environment: [String: String]) -> Bool {
        guard environment["MALLOC_ARENA_MAX"] == nil, environment["GLIBC_TUNABLES"] == nil else { return false }
        #if canImport(Glibc)
        // `mallopt` and its `M_*` constants are not in the Glibc module; it is looked up by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        return mallopt(arenaMax, arenas) == 1
        #else
        return false
        #endif
    }
}
