import Foundation

/// docwatch-bench: benchmarks that need the library, not the command line (release build).
///
///   docwatch-bench query-latency CORPUS_TRUTH.jsonl… --documents N --database PATH|postgresql://URL [--rounds R]
///   docwatch-bench diff rewrite|edits|heavy [--lines N] [--reference]
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

let usage = """
    usage: docwatch-bench query-latency TRUTH.jsonl… --documents N --database PATH|postgresql://URL [--rounds R]
           docwatch-bench diff rewrite|edits|heavy [--lines N] [--reference]

    """
if arguments.first == "diff", arguments.count > 1, let shape = DiffBench.Shape(rawValue: arguments[1]) {
    DiffBench(shape: shape, lines: Int(option("--lines") ?? "") ?? 10_000, reference: arguments.contains("--reference")).run()
    exit(0)
}
guard arguments.first == "query-latency" else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
let truthFiles = arguments.dropFirst().prefix { !$0.hasPrefix("--") }
var paragraphs: [String] = []
for file in truthFiles {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
    for line in text.split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let body = object["body"] as? String else { continue }
        paragraphs += body.split(separator: "\n").map(String.init).filter { $0.count >= 10 }
    }
}
guard !paragraphs.isEmpty else {
    FileHandle.standardError.write(Data("docwatch-bench: no paragraphs in \(truthFiles.joined(separator: ", "))\n".utf8))
    exit(66)
}
do {
    try QueryLatency(paragraphs: paragraphs, database: option("--database") ?? "/tmp/docwatch-bench.sqlite",
                     documents: Int(option("--documents") ?? "") ?? 100_000, rounds: Int(option("--rounds") ?? "") ?? 10).run()
} catch {
    FileHandle.standardError.write(Data("docwatch-bench: \(error)\n".utf8))
    exit(74)
}
