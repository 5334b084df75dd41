import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// Documents matching the request: best first (bm25) with a query, newest first without one.
    /// Duplicates of another document are left out.
    public func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        try read("search") { db in
            var conditions = ["d.duplicate_of IS NULL"]
            var arguments: [any DatabaseValueConvertible] = []
            var from = "document d JOIN version v ON v.id = d.current_version"
            var score = "0.0"
            var order = "COALESCE(v.published, d.first_seen) DESC, d.id DESC"
            if let text = request.text, let match = SearchTokenizer.matchExpression(text) {
                from = "document_fts f JOIN document d ON d.id = f.rowid JOIN version v ON v.id = d.current_version"
                conditions.append("document_fts MATCH ?")
                arguments.append(match)
                score = "-bm25(document_fts, 5.0, 1.0)"
                order = "bm25(document_fts, 5.0, 1.0)"
            }
            if let source = request.source { conditions.append("d.source = ?"); arguments.append(source) }
            if let since = request.since {
                conditions.append("COALESCE(v.published, strftime('%Y-%m-%dT%H:%M:%S', d.first_seen)) >= ?")
                arguments.append(Timestamp.utc(since))
            }
            if let until = request.until {
                conditions.append("COALESCE(v.published, strftime('%Y-%m-%dT%H:%M:%S', d.first_seen)) < ?")
                arguments.append(Timestamp.utc(until))
            }
            if let kind = request.factKind {
                conditions.append("EXISTS (SELECT 1 FROM fact WHERE fact.version = v.id AND fact.kind = ?)")
                arguments.append(kind.rawValue)
            }
            arguments.append(request.limit)
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.url, d.source, v.title, v.published, v.text, v.text_simplified, \(score) AS score
                FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?
                """, arguments: StatementArguments(arguments))
            return rows.map { row in
                SearchHit(document: row["id"], url: row["url"], source: row["source"], title: row["title"],
                          published: row["published"], score: row["score"],
                          snippet: Snippet.make(text: row["text"], simplified: row["text_simplified"], query: request.text))
            }
        }
    }
}
