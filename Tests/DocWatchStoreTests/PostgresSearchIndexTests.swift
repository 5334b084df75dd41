import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("The PostgreSQL search index", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresSearchIndexTests {
    /// Tokens PostgreSQL's own parser (`to_tsvector('simple', …)`) drops or splits: they must survive.
    @Test("every token of the tokenizer is a lexeme, numeric symbols and Han bigrams included, title weighted A")
    func tokensIntact() throws {
        let postgres = try PostgresWriteDatabase()
        let title = "江苏推进复工复产"
        let text = "第①条：产能x²增长½，2024年5G基站Über 120万座。\n𠀀𠀁与〇、covid-19 don't"
        try postgres.connection.query("""
            INSERT INTO document (id, url, source, first_seen, last_seen) VALUES (1, 'https://gov.example/a.html', 's', now(), now())
            """, operation: "add a document")
        try PostgresSearchIndex.replace(postgres.connection, document: 1, title: title, text: text)
        let row = try #require(try postgres.rows("""
            SELECT tsvector_to_array(terms) AS all_terms, tsvector_to_array(ts_filter(terms, '{a}')) AS title_terms
            FROM document_search WHERE document = 1
            """).first)
        let expected = Set(SearchTokenizer.tokens(title + "\n" + text, trailingUnigram: true))
        #expect(expected.isSuperset(of: ["江苏", "①", "x²", "½", "2024", "5g", "über", "𠀀𠀁", "〇", "19", "don"]))
        #expect(Set(Self.array(row.string("all_terms"))) == expected)
        #expect(Set(Self.array(row.string("title_terms"))) == Set(SearchTokenizer.tokens(title, trailingUnigram: true)))
        // Bigrams keep their positions: the phrase 江苏·苏推 matches, 苏推·江苏 does not.
        let phrase = try postgres.rows("""
            SELECT terms @@ $1::tsquery AS ordered, terms @@ $2::tsquery AS reversed FROM document_search WHERE document = 1
            """, ["'江苏' <-> '苏推'", "'苏推' <-> '江苏'"]).first
        #expect(phrase?.bool("ordered") == true && phrase?.bool("reversed") == false)
    }

    @Test("the literal lists each token once with its positions, title positions marked A; an empty document is an empty vector")
    func literalEscaping() {
        #expect(PostgresSearchIndex.vector(title: "", text: "") == "")
        #expect(PostgresSearchIndex.vector(title: "ab", text: "ab cd") == "'ab':1A,2 'cd':3")
    }

    /// A text[] as PostgreSQL prints it, e.g. `{江苏,"a b"}` (no element here needs quoting but the test copes).
    static func array(_ text: String?) -> [String] {
        guard let text, text.count >= 2 else { return [] }
        return text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
}
