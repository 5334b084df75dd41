import DocWatchStore
import Foundation

/// The SQL that ranks documents for a `SearchRequest` on PostgreSQL, with its parameters: the same
/// matches, filters and order as the SQLite backend's FTS5 query.
///
/// `document_search.terms` holds the tokens `SearchTokenizer.indexText` makes of the Simplified title
/// (weight A) and body, as a `simple`-configuration `tsvector`. Each query term (`SearchTokenizer.terms`)
/// becomes a `tsquery` the GIN index answers:
/// - one CJK character: the prefix `'业':*`, which meets every bigram it starts and the unigram that
///   ends a run, so 业 is found in 农业 as well as 业务;
/// - a CJK word: its bigrams (复工复产 → 复工, 工复, 复产). They must stand next to each other as in
///   FTS5's phrase, but a `tsvector` keeps at most 256 positions of a lexeme and none past 16,383, so in a
///   long document adjacency is also accepted from the text itself: the word occurs in the Simplified
///   title, text or an attachment's text exactly when FTS5's phrase matches;
/// - anything else (latin words, numbers): `phraseto_tsquery` of its tokens.
/// The terms are bound as parameters and parsed by PostgreSQL's own text search functions, so no
/// character of a query (`'`, `&|!`, `:*`) can break the SQL or the `tsquery` syntax.
struct PostgresSearchQuery {
    private(set) var sql = ""
    private(set) var parameters: [any PostgresBindable] = []

    /// `ts_rank` weights {D, C, B, A}: a title match (A) counts five times a body match, as
    /// `bm25(document_fts, 5.0, 1.0)` does on SQLite; normalization 1 discounts long documents.
    static let rankWeights = "'{0.2, 0.2, 0.2, 1.0}'"

    init(_ request: SearchRequest) {
        var conditions = ["d.duplicate_of IS NULL"]
        let terms = request.text.map(SearchTokenizer.terms) ?? []
        if let source = request.source { conditions.append("d.source = \(bind(source))") }
        if let since = request.since {
            conditions.append("\(Self.publishedUTC) >= \(Self.utcText(bind(since)))")
        }
        if let until = request.until {
            conditions.append("\(Self.publishedUTC) < \(Self.utcText(bind(until)))")
        }
        if let kind = request.factKind {
            conditions.append("EXISTS (SELECT 1 FROM fact WHERE fact.version = v.id AND fact.kind = \(bind(kind.rawValue)))")
        }
        if terms.isEmpty {
            sql = """
                SELECT d.id, 0.0 AS score FROM document d JOIN version v ON v.id = d.current_version
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY \(Self.newestFirst) LIMIT \(bind(PostgresStore.sqlLimit(request.limit)))
                """
            return
        }
        var queries: [String] = []
        for term in terms {
            switch term {
            case .prefix(let character):
                queries.append("to_tsquery('simple', \(bind("'\(character)':*")))")
            case .phrase(let tokens):
                let phrase = "phraseto_tsquery('simple', \(bind(tokens.joined(separator: " "))))"
                guard tokens.count > 1, let word = Self.cjkWord(tokens) else {
                    queries.append(phrase)
                    continue
                }
                queries.append("plainto_tsquery('simple', \(bind(tokens.joined(separator: " "))))")
                let needle = bind(word)
                conditions.append("""
                    (s.terms @@ \(phrase) OR strpos(v.title_simplified, \(needle)) > 0 OR strpos(v.text_simplified, \(needle)) > 0
                     OR EXISTS (SELECT 1 FROM attachment a WHERE a.version = v.id AND strpos(a.text_simplified, \(needle)) > 0))
                    """)
            }
        }
        let query = "(" + queries.joined(separator: " && ") + ")"
        sql = """
            SELECT d.id, ts_rank(\(Self.rankWeights), s.terms, \(query), 1) AS score
            FROM document_search s JOIN document d ON d.id = s.document JOIN version v ON v.id = d.current_version
            WHERE s.terms @@ \(query) AND \(conditions.joined(separator: " AND "))
            ORDER BY score DESC, d.id DESC LIMIT \(bind(PostgresStore.sqlLimit(request.limit)))
            """
    }

    private mutating func bind(_ value: any PostgresBindable) -> String {
        parameters.append(value)
        return "$\(parameters.count)"
    }

    /// The CJK word whose bigrams `tokens` are (复工 工复 复产 → 复工复产), or nil when they are not one run.
    static func cjkWord(_ tokens: [String]) -> String? {
        var word = String.UnicodeScalarView()
        for token in tokens {
            let scalars = Array(token.unicodeScalars)
            guard scalars.count == 2, scalars.allSatisfy(SearchTokenizer.isCJK) else { return nil }
            if let last = word.last {
                guard last == scalars[0] else { return nil }
                word.append(scalars[1])
            } else {
                word.append(contentsOf: scalars)
            }
        }
        return String(word)
    }

    /// Newest first without a query, as SQLite orders: the `published` text, else `first_seen` as SQLite
    /// stores it, compared byte by byte (`COLLATE "C"`, SQLite's BINARY).
    static let newestFirst = """
        COALESCE(v.published, to_char(d.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')) COLLATE "C" DESC, d.id DESC
        """

    /// A document's date as the UTC text SQLite's `strftime('%Y-%m-%dT%H:%M:%S', COALESCE(v.published,
    /// d.first_seen))` makes of it, compared as text like there: `first_seen` when nothing is published;
    /// otherwise the `published` text if SQLite parses it (`YYYY-MM-DD`, then `T` or spaces,
    /// `HH:MM[:SS[.fff]]`, an optional `Z` or `±HH:MM`), else NULL, which no `since`/`until` lets through.
    /// As in SQLite, a non-zero offset is applied (and a day past the month's end rolls over) while a date
    /// in UTC keeps its fields as written (`2026-02-30` stays that text; a bare date is its midnight).
    static let publishedUTC = #"""
        (CASE WHEN v.published IS NULL THEN to_char(d.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') ELSE (
            SELECT CASE WHEN COALESCE(m[9]::int * 60 + m[10]::int, 0) = 0
                THEN m[1] || '-' || m[2] || '-' || m[3] || 'T' || COALESCE(m[4], '00') || ':' || COALESCE(m[5], '00') || ':'
                     || COALESCE(m[6], '00')
                ELSE to_char((make_timestamptz(m[1]::int, m[2]::int, 1, 0, 0, 0, 'UTC')
                    + make_interval(days => m[3]::int - 1, hours => m[4]::int, mins => m[5]::int, secs => COALESCE(m[6]::int, 0))
                    - (CASE m[8] WHEN '-' THEN -1 ELSE 1 END) * make_interval(hours => m[9]::int, mins => m[10]::int))
                    AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                END
            FROM regexp_match(v.published,
                '^([0-9]{4})-([0-9]{2})-([0-9]{2})[[:space:]T]*(?:([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?[[:space:]]*(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))?[[:space:]]*)?$'
            ) AS m
            WHERE m[1]::int >= 1 AND m[2]::int BETWEEN 1 AND 12 AND m[3]::int BETWEEN 1 AND 31
              AND COALESCE(m[4]::int, 0) <= 24 AND COALESCE(m[5]::int, 0) <= 59 AND COALESCE(m[6]::int, 0) <= 59
              AND COALESCE(m[9]::int, 0) <= 14 AND COALESCE(m[10]::int, 0) <= 59
        ) END) COLLATE "C"
        """#

    /// A bound instant as SQLite's `strftime('%Y-%m-%dT%H:%M:%S', ?)` prints it, to compare with `publishedUTC`.
    static func utcText(_ parameter: String) -> String {
        "to_char(\(parameter)::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
    }

}
