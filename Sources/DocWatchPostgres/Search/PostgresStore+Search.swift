import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Documents matching the request: best first (`ts_rank`, title weighted) with a query, newest first
    /// without one; duplicates of another document are left out. See `PostgresSearchQuery` for how a
    /// query matches the same documents as on SQLite.
    public func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        let query = PostgresSearchQuery(request)
        return try read("search") { connection throws(StoreError) -> [SearchHit] in
            let ranked = try connection.query(query.sql, query.parameters, operation: "search")
            let ids = ranked.compactMap { $0.int64("id") }
            guard !ids.isEmpty else { return [] }
            // Text and snippets for the top results only, in two round trips.
            let idList = PostgresTextArray(ids.map(String.init))
            var details: [Int64: PostgresRow] = [:]
            for row in try connection.query("""
                SELECT d.id, d.url, d.source, v.id AS version, v.title, v.published, v.text, v.text_simplified
                FROM document d JOIN version v ON v.id = d.current_version WHERE d.id = ANY($1::bigint[])
                """, [idList], operation: "search") {
                if let id = row.int64("id") { details[id] = row }
            }
            let versions = PostgresTextArray(details.values.compactMap { $0.string("version") })
            var attachments: [Int64: [(text: String, simplified: String)]] = [:]
            for row in try connection.query("""
                SELECT version, text, text_simplified FROM attachment WHERE version = ANY($1::bigint[]) ORDER BY version, position
                """, [versions], operation: "search") {
                guard let version = row.int64("version") else { continue }
                attachments[version, default: []].append((row.string("text") ?? "", row.string("text_simplified") ?? ""))
            }
            return ranked.compactMap { rank -> SearchHit? in
                guard let id = rank.int64("id"), let row = details[id] else { return nil }
                // A term found only in an attachment gets its snippet from there.
                let texts = [(text: row.string("text") ?? "", simplified: row.string("text_simplified") ?? "")]
                    + (row.int64("version").flatMap { attachments[$0] } ?? [])
                return StoreRows.searchHit(row, document: id, score: rank.double("score") ?? 0, texts: texts, query: request.text)
            }
        }
    }
}
