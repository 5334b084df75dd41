import DocWatchCore

/// What a policy document's text says of itself where no disclosure table does: the 文号 line
/// under the headline (`国发〔2024〕17号`) and the signature at its end, the issuing office over
/// the signing date (`国务院` / `2024年7月28日`), which is the 成文日期.
struct SignatureBlock {
    var docNumber: String?
    var issuer: String?
    var written: PageDate?

    init(lines: [String]) {
        for line in lines.prefix(6) where line.utf8.count <= 90 && (line.containsBytes("号") || line.containsBytes("號")) {
            let key = line.withoutSpaces
            let facts = DocumentNumberScanner.facts(in: ScalarText(key))
            if facts.count == 1, let fact = facts.first, fact.offset == 0, fact.text.unicodeScalars.count == key.unicodeScalars.count {
                docNumber = fact.text
                break
            }
        }
        // The signature: a date alone on a line, right under an office name, among the last lines.
        let tail = Array(lines.suffix(6))
        for index in tail.indices.dropFirst().reversed() {
            guard tail[index].utf8.count <= 60 else { continue }
            let line = tail[index].trimmed
            guard line.unicodeScalars.count <= 16, let found = DateScanner.first(in: Array(line.unicodeScalars)),
                  found.range.lowerBound == 0, found.range.upperBound >= line.unicodeScalars.count - 1, line.containsBytes("年") else { continue }
            let office = tail[index - 1].trimmed
            guard Self.isOffice(office) else { continue }
            issuer = office
            written = found.date
            break
        }
    }

    /// A short line of Han characters (offices joined by spaces allowed) ending in an office word.
    private static func isOffice(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        guard (2...40).contains(scalars.count), scalars.allSatisfy({ Han.isIdeograph($0) || Whitespace.isSpace($0) }) else { return false }
        return line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).allSatisfy(OfficeNames.isOffice)
    }
}
