import DocWatchCore
import Foundation

/// Reads the change notifications a run wrote to a log directory, for tests.
public enum ChangeLogFiles {
    /// Every event in `logDir`'s `changes-*.jsonl` files, oldest file first.
    public static func events(in logDir: String) throws -> [ChangeEvent] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: logDir)) ?? [])
            .filter { $0.hasPrefix("changes-") }.sorted()
        return try files.flatMap { name in
            try String(contentsOfFile: logDir + "/" + name, encoding: .utf8).split(separator: "\n").map {
                try JSONDecoder().decode(ChangeEvent.self, from: Data($0.utf8))
            }
        }
    }
}
