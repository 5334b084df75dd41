import DocWatchCore
import DocWatchStore
import Foundation
import Logging

/// One push target's lease for this node, among daemons sharing a database.
struct PushLease: Sendable {
    let membership: ClusterMembership
    let database: any DocumentStore
    let target: String

    /// Takes or renews the lease; true when this node may push now. On taking the target over (it did
    /// not hold it last time) `cursor` is read again from the store, where the previous holder left it.
    /// A store failure counts as not holding: pushing without the lease could send events twice.
    func renew(now: Date, cursor: inout Int64, held: Bool, logger: Logger) -> Bool {
        do {
            guard try database.claimPushTarget(target, node: membership.node, now: now, lease: membership.lease) else {
                return false
            }
            if !held, let stored = try database.pushBacklogs().first(where: { $0.target == target }) {
                cursor = stored.seq
            }
            return true
        } catch {
            logger.error("cannot renew the push lease", metadata: ["target": "\(target)", "error": "\(error.description)"])
            return false
        }
    }
}
