import DocWatchCore
/// Turns Simplified text into the tokens the FTS5 index holds: overlapping character bigrams for
/// runs of CJK characters plus the run's last character as a unigram, lower-cased words for the rest.
///
/// With the trailing unigram every character of a run starts some token, so a one-character query
/// is a prefix query (`"业"*`) that cannot miss a character standing last in its run (农业).
///
/// SQLite's own tokenizers cannot serve Chinese: `unicode61` keeps a whole run of Han characters as one
/// token and `trigram` cannot match one- or two-character queries such as 江苏 or 复工.
public enum SearchTokenizer {
    /// Space-separated tokens, for indexing: `tokens(text, trailingUnigram: true)` joined by spaces, written
    /// straight into one string (no string per token).
    public static func indexText(_ text: String) -> String {
        var out = String()
        out.reserveCapacity(text.utf8.count * 2)
        func separate() {
            if !out.isEmpty { out.unicodeScalars.append(" ") }
        }
        scan(text, trailingUnigram: true, bigram: { first, second in
            separate()
            out.unicodeScalars.append(first)
            out.unicodeScalars.append(second)
        }, unigram: { scalar in
            separate()
            out.unicodeScalars.append(scalar)
        }, word: { word in
            separate()
            out += word
        })
        return out
    }

    /// The tokens of `text`; a query phrase leaves out the trailing unigram so its bigrams stay adjacent.
    public static func tokens(_ text: String, trailingUnigram: Bool) -> [String] {
        var out: [String] = []
        scan(text, trailingUnigram: trailingUnigram, bigram: { first, second in
            var pair = String.UnicodeScalarView()
            pair.append(first)
            pair.append(second)
            out.append(String(pair))
        }, unigram: { out.append(String($0)) }, word: { out.append($0) })
        return out
    }

    /// Walks `text` once, handing each token over in order: a CJK run's bigrams as its characters arrive,
    /// then its last character (always for a one-character run, else with `trailingUnigram`), and each
    /// other word lower-cased.
    private static func scan(
        _ text: String, trailingUnigram: Bool, bigram: (Unicode.Scalar, Unicode.Scalar) -> Void,
        unigram: (Unicode.Scalar) -> Void, word emitWord: (String) -> Void
    ) {
        var previous: Unicode.Scalar = " "
        var runLength = 0
        var word = String.UnicodeScalarView()

        func flushRun() {
            if runLength == 1 || (runLength > 1 && trailingUnigram) { unigram(previous) }
            runLength = 0
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            emitWord(String(word).lowercased())
            word = String.UnicodeScalarView()
        }

        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                flushWord()
                if runLength > 0 { bigram(previous, scalar) }
                previous = scalar
                runLength += 1
            } else if WordScalar.isWordScalar(scalar) {
                flushRun()
                word.append(scalar)
            } else {
                flushRun()
                flushWord()
            }
        }
        flushRun()
        flushWord()
    }

    /// What each whitespace-separated term of a user query (Simplified) must match: a single CJK
    /// character any token it starts, anything else the phrase of its tokens (a CJK run as its bigrams).
    package static func terms(_ query: String) -> [SearchTerm] {
        query.split(whereSeparator: \.isWhitespace).compactMap { term -> SearchTerm? in
            let termTokens = tokens(String(term), trailingUnigram: false)
            guard !termTokens.isEmpty else { return nil }
            let scalars = termTokens[0].unicodeScalars
            if termTokens.count == 1, scalars.count == 1, let scalar = scalars.first, isCJK(scalar) {
                return .prefix(termTokens[0])
            }
            return .phrase(termTokens)
        }
    }

    /// An FTS5 MATCH expression for a user query (Simplified): each whitespace-separated term must
    /// match, a CJK term as the phrase of its bigrams, a single CJK character as a prefix.
    public static func matchExpression(_ query: String) -> String? {
        let clauses = terms(query).map { term in
            switch term {
            case .prefix(let character): "\"\(character)\"*"
            case .phrase(let tokens): "\"" + tokens.joined(separator: " ") + "\""
            }
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    /// Han ideographs, kana and Hangul syllables: scripts written without spaces between words.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        Han.isIdeograph(scalar) || (0x3040...0x30FF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
    }
}

/// One term of a search query, as `SearchTokenizer.terms` reads it; each backend turns it into its own
/// full-text syntax (FTS5 MATCH on SQLite, a `tsquery` on PostgreSQL).
package enum SearchTerm: Sendable, Equatable {
    /// One CJK character: matches every token it starts (a bigram, or the unigram ending a run).
    case prefix(String)
    /// Tokens that must stand next to each other, in this order.
    case phrase([String])
}
