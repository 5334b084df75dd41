import DocWatchCore
import Foundation

/// Change files and diffs that `keep_changes` lets go, and what deleting them frees.
public struct ChangeLogPruneResult: Sendable, Equatable {
    public var changeFiles = 0
    public var diffFiles = 0
    public var bytes: Int64 = 0

    public init() {}
}

/// Deletes `changes-DAY.jsonl` and `diffs/DAY/` for the days `RetentionPolicy.expiredDays` names, and
/// diff files of the old flat layout (`diffs/<seq>.diff`) last modified before the cutoff.
///
/// Safe beside a running notifier: it writes only the day of the event it appends, and the newest
/// day always stays.
struct ChangeLogPruner {
    let directory: ChangeLogDirectory
    let fileManager = FileManager.default

    func prune(before cutoff: Date, dryRun: Bool) -> ChangeLogPruneResult {
        var result = ChangeLogPruneResult()
        let files = directory.changeFiles().map { ($0 as NSString).lastPathComponent }
        let fileDays = Set(files.map { String($0.dropFirst("changes-".count).dropLast(".jsonl".count)) })
        let diffs = directory.path + "/diffs"
        // A day folder whose change file is already gone is pruned by its own name.
        let folderDays = ((try? fileManager.contentsOfDirectory(atPath: diffs)) ?? []).filter { RetentionPolicy.dayStart($0) != nil }
        for day in RetentionPolicy.expiredDays(Array(fileDays.union(folderDays)), cutoff: cutoff) {
            let file = directory.path + "/" + ChangeLogDirectory.fileName(day: day)
            if fileDays.contains(day) {
                result.changeFiles += 1
                result.bytes += size(of: file)
            }
            let folder = diffs + "/" + day
            for name in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] {
                result.diffFiles += 1
                result.bytes += size(of: folder + "/" + name)
            }
            if !dryRun {
                try? fileManager.removeItem(atPath: file)
                try? fileManager.removeItem(atPath: folder)
            }
        }
        for name in (try? fileManager.contentsOfDirectory(atPath: diffs)) ?? [] where name.hasSuffix(".diff") {
            let path = diffs + "/" + name
            guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date, modified < cutoff
            else { continue }
            result.diffFiles += 1
            result.bytes += size(of: path)
            if !dryRun { try? fileManager.removeItem(atPath: path) }
        }
        return result
    }

    private func size(of path: String) -> Int64 {
        ((try? fileManager.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
