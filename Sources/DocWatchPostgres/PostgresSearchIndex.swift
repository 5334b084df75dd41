import DocWatchStore

/// The `document_search` table: one row per document, its current version's Simplified title and text as
/// the bigram tokens of `SearchTokenizer.indexText` in a `tsvector` (title positions weighted `A`, then
/// the body's, unweighted), the PostgreSQL twin of SQLite's `document_fts`.
///
/// The vector is written as a `tsvector` literal, token by token, not through `to_tsvector('simple', …)`:
/// PostgreSQL's text parser drops or splits some tokens the tokenizer makes (`①`, `½`, `x²` lose their
/// numeric symbols; what counts as a letter follows the database's `LC_CTYPE`), so the same query could find
/// a document on SQLite and miss it here. The query side builds its `tsquery` from the same tokens, quoted,
/// likewise without the parser (`'江苏' <-> '苏省'`, `'业':*`).
///
/// PostgreSQL's limits apply as `to_tsvector` applies them: positions stop at 16,383; a token longer than
/// 2,047 bytes is left out; a vector stops taking new tokens before the 1 MiB a `tsvector` may hold.
public enum PostgresSearchIndex {
    /// Replaces `document`'s row with the tokens of `title` and `text` (Simplified).
    public static func replace(_ connection: PostgresConnection, document: Int64, title: String, text: String) throws(StoreError) {
        try connection.query("""
            INSERT INTO document_search (document, terms) VALUES ($1, $2::tsvector)
            ON CONFLICT (document) DO UPDATE SET terms = excluded.terms
            """, [document, vector(title: title, text: text)], operation: "index document \(document) for search")
    }

    /// The `tsvector` literal of a document: `'token':position[A]…` for every token of title and text.
    public static func vector(title: String, text: String) -> String {
        var lexemes = LexemePositions()
        var position = 0
        for token in SearchTokenizer.tokens(title, trailingUnigram: true) {
            position += 1
            lexemes.add(token, position: position, title: true)
        }
        for token in SearchTokenizer.tokens(text, trailingUnigram: true) {
            position += 1
            lexemes.add(token, position: position, title: false)
        }
        return lexemes.literal
    }

    /// Tokens with their positions, in first-seen order, within PostgreSQL's size limits.
    private struct LexemePositions {
        static let maxPosition = 16_383
        static let maxLexemeBytes = 2_047
        static let maxPositionsPerLexeme = 256
        /// Below the 1 MiB (1,048,575 bytes) a tsvector may hold, with room for the header and alignment.
        static let maxBytes = 1_000_000

        var order: [String] = []
        var positions: [String: [String]] = [:]
        var bytes = 0

        mutating func add(_ token: String, position: Int, title: Bool) {
            let clamped = min(position, Self.maxPosition)
            let mark = String(clamped) + (title ? "A" : "")
            if var list = positions[token] {
                guard list.count < Self.maxPositionsPerLexeme, list.last != mark else { return }
                list.append(mark)
                positions[token] = list
                bytes += 2
                return
            }
            let size = token.utf8.count
            // A word entry, the lexeme, alignment, the position count and one position.
            let cost = 4 + size + 1 + 2 + 2
            guard size <= Self.maxLexemeBytes, bytes + cost <= Self.maxBytes else { return }
            bytes += cost
            order.append(token)
            positions[token] = [mark]
        }

        var literal: String {
            var out = ""
            for token in order {
                if !out.isEmpty { out.append(" ") }
                out.append("'")
                for character in token {
                    if character == "'" || character == "\\" { out.append("\\") }
                    out.append(character)
                }
                out.append("':")
                out.append(positions[token, default: []].joined(separator: ","))
            }
            return out
        }
    }
}
