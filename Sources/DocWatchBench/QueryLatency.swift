import DocWatchCore
import DocWatchExtract
import DocWatchPostgres
import DocWatchStore
import Foundation

/// Query latency over a large store: fills a database with documents made of real article
/// paragraphs (mixed so no two documents are alike), then times `search` for typical queries.
/// `database` is a SQLite path or a `postgresql://` URL: the same load and queries run on either backend.
struct QueryLatency {
    let paragraphs: [String]
    let database: String
    let documents: Int
    let rounds: Int

    func run() throws {
        let database = try StoreOpener.open(self.database, node: "docwatch-bench")
        let existing = try database.search(SearchRequest(limit: 1)).count
        if existing == 0 {
            let started = Date()
            try fill(database)
            print(String(format: "stored %d documents in %.1f s", documents, Date().timeIntervalSince(started)))
        }
        let queries = ["江苏", "复工", "复工复产", "产业链", "经济", "发展", "江蘇", "新冠肺炎 疫情", "规模以上工业企业", "5G", "宁波"]
        var samples: [Double] = []
        var perQuery: [String: [Double]] = [:]
        var hitCounts: [String: Int] = [:]
        for _ in 0..<rounds {
            for query in queries {
                let start = DispatchTime.now().uptimeNanoseconds
                let hits = try database.search(SearchRequest(text: ScriptNormalizer.shared.toSimplified(query), limit: 20))
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                samples.append(ms)
                perQuery[query, default: []].append(ms)
                hitCounts[query] = hits.count
            }
        }
        samples.sort()
        print("backend: \(database.location)")
        print(String(format: "query latency over %d documents, %d queries: p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                     documents, samples.count, percentile(samples, 0.5), percentile(samples, 0.95), samples.last ?? 0))
        for query in queries {
            let sorted = (perQuery[query] ?? []).sorted()
            print("  \(query): p50 \(String(format: "%.1f", percentile(sorted, 0.5))) ms, \(hitCounts[query] ?? 0) hits shown")
        }
    }

    private func fill(_ database: any DocumentStore) throws {
        var generator = SplitMix(seed: 42)
        let normalizer = ScriptNormalizer.shared
        let base = Date(timeIntervalSince1970: 1_600_000_000)
        var batch: [IngestedPage] = []
        for index in 0..<documents {
            let count = 4 + Int(generator.next() % 8)
            let text = (0..<count).map { _ in paragraphs[Int(generator.next() % UInt64(paragraphs.count))] }.joined(separator: "\n")
                + "\n文档编号\(index)"
            let title = String(paragraphs[Int(generator.next() % UInt64(paragraphs.count))].prefix(24))
            let document = ExtractedDocument(
                title: title, published: nil, script: "zh-Hans", text: text,
                titleSimplified: normalizer.toSimplified(title), textSimplified: normalizer.toSimplified(text))
            batch.append(IngestedPage(source: "bench\(index % 50)", url: "https://bench.example/\(index).html",
                                      fetchedAt: base.addingTimeInterval(Double(index)), body: Array(text.utf8), document: document))
            if batch.count == 2000 {
                _ = try database.store(batch: batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = try database.store(batch: batch) }
    }

    private func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}

/// A small deterministic generator, so every run builds the same database.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
