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
                conditions.append("\(Self.publishedUTC) >= strftime('%Y-%m-%dT%H:%M:%S', ?)")
                arguments.append(since)
            }
            if let until = request.until {
                conditions.append("\(Self.publishedUTC) < strftime('%Y-%m-%dT%H:%M:%S', ?)")
                arguments.append(until)
            }
            if let kind = request.factKind {
                conditions.append("EXISTS (SELECT 1 FROM fact WHERE fact.version = v.id AND fact.kind = ?)")
                arguments.append(kind.rawValue)
            }
            arguments.append(request.limit)
            // Rank with narrow rows only: SQLite's sorter carries every selected column for every match,
            // and carrying each document's text for tens of thousands of matches is what made common
            // terms slow. Text and snippets are read for the top results afterwards.
            let ranked: [Row]
            if let match = request.text.flatMap(SearchTokenizer.matchExpression), !request.hasFilters {
                // Text alone: rank inside FTS5 with no join at all (duplicates are never indexed), then
                // join only the top results. Joining every match first doubled the time of common terms.
                ranked = try Row.fetchAll(db, sql: """
                    SELECT rowid AS id, -bm25(document_fts, 5.0, 1.0) AS score FROM document_fts
                    WHERE document_fts MATCH ? ORDER BY bm25(document_fts, 5.0, 1.0) LIMIT ?
                    """, arguments: [match, request.limit])
            } else {
                ranked = try Row.fetchAll(db, sql: """
                    SELECT d.id, \(score) AS score
                    FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?
                    """, arguments: StatementArguments(arguments))
            }
            let details = try db.cachedStatement(sql: """
                SELECT d.url, d.source, v.id AS version, v.title, v.published, v.text, v.text_simplified
                FROM document d JOIN version v ON v.id = d.current_version WHERE d.id = ?
                """)
            return try ranked.compactMap { rank -> SearchHit? in
                let id: Int64 = rank["id"]
                guard let row = try Row.fetchOne(details, arguments: [id]) else { return nil }
                // A term found only in an attachment gets its snippet from there.
                let texts = [(text: row["text"] as String, simplified: row["text_simplified"] as String)]
                    + (try AttachmentRows.texts(db, version: row["version"]))
                return StoreRows.searchHit(row, document: id, score: rank["score"], texts: texts, query: request.text)
            }
        }
    }
}

extension DocWatchDatabase {
    /// A document's date as UTC text that sorts: `published` (a bare date is its midnight, an offset
    /// is applied), else when it was first seen.
    static let publishedUTC = "strftime('%Y-%m-%dT%H:%M:%S', COALESCE(v.published, d.first_seen))"
}

extension SearchRequest {
    /// Whether anything but the text narrows the results.
    var hasFilters: Bool {
        source != nil || since != nil || until != nil || factKind != nil
    }
}
