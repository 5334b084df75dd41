import DocWatchCore
import Synchronization

/// The configuration in force while the daemon runs: the one loaded at start until a reload replaces it.
///
/// Its one owner: `ReloadService` replaces it after the scheduler and push targets have taken the new
/// one; the retention prune, the reload's own comparison and anything else that needs the running
/// settings read it here, never from a service that happens to keep a copy.
public final class LiveConfiguration: Sendable {
    private let value: Mutex<Configuration>

    public init(_ configuration: Configuration) {
        value = Mutex(configuration)
    }

    /// The configuration in force now.
    public var current: Configuration { value.withLock { $0 } }

    /// Makes `configuration` the one in force.
    func replace(with configuration: Configuration) {
        value.withLock { $0 = configuration }
    }
}
