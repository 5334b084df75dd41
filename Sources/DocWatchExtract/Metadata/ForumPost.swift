import DocWatchCore

/// The poster line of an old forum or blog post: `本贴由大卫于2005年8月12日16:12:21在【…】发表`,
/// `本帖由 ggjjzhzz 于 2005-9-15 11:46 发表`. The poster is the author and that time the date.
///
/// `本帖最后由 X 于 … 编辑` names the last editor, and `原帖由 X 于 … 发表` the author of a quoted
/// post: neither is read.
struct ForumPost {
    var author: String?
    var date: PageDate?

    private static let markers = ["本贴由", "本帖由", "此贴由", "此帖由", "該帖由", "该帖由", "本文由"]

    /// Reads the first poster line in `runs` (a name in a link splits it over runs, so each run is
    /// read together with the two after it).
    init(runs: [TextRun], html: String) {
        guard Self.mayHoldMarker(html) else { return }
        for index in runs.indices where !runs[index].inLink {
            let text = runs[index].text
            guard text.utf8.count <= 300, Self.markers.contains(where: { text.containsBytes($0) }) else { continue }
            let joined = runs[index..<min(runs.count, index + 3)].map(\.text).joined()
            if let (author, date) = Self.read(joined) {
                self.author = author
                self.date = date
                return
            }
        }
    }

    /// Whether `html` holds a marker: every marker ends in 由, so one scan for 由 and a look at the
    /// six bytes before each replaces a scan of the page per marker.
    static func mayHoldMarker(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            var start = 0
            while let hit = ByteSearch.find(markerEnd, in: bytes, from: start) {
                if hit >= markerStemLength {
                    let stem = UnsafeBufferPointer(rebasing: bytes[(hit - markerStemLength)..<hit])
                    if markerStems.contains(where: { $0.elementsEqual(stem) }) { return true }
                }
                start = hit + 1
            }
            return false
        }
    }

    private static let markerEnd = Array("由".utf8)
    /// The markers without their 由; all the same length in UTF-8.
    private static let markerStems = markers.map { Array($0.utf8.dropLast(markerEnd.count)) }
    private static let markerStemLength = markerStems[0].count

    /// `…由` NAME `于` DATE: the name (at most 20 characters) and the date right after 于.
    static func read(_ line: String) -> (String, PageDate)? {
        for marker in markers {
            guard let range = line.firstRange(of: marker) else { continue }
            let rest = line[range.upperBound...]
            guard let at = rest.firstIndex(where: { $0 == "于" || $0 == "於" }) else { continue }
            let name = String(rest[..<at]).stripping(" :：[]【】")
            let after = Array(rest[rest.index(after: at)...].unicodeScalars.prefix(40))
            guard !name.isEmpty, name.unicodeScalars.count <= 20, !name.unicodeScalars.contains(where: Whitespace.isSpace),
                  let found = DateScanner.first(in: after), found.range.lowerBound <= 2 else { continue }
            return (name, found.date)
        }
        return nil
    }
}
