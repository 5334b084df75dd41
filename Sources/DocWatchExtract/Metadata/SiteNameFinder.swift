import DocWatchCore
/// Finds the name of the site that serves a page: meta tags, the `<title>` suffix, the footer.
enum SiteNameFinder {
    /// The `<title>` segment after the headline: `…的通知-机智网` → 机智网.
    static func fromTitle(_ title: String, segments parts: [String], headline: String) -> String? {
        guard parts.count >= 2, let last = parts.last else { return nil }
        let key = headline.withoutSpaces
        guard !key.isEmpty, last.withoutSpaces != key, last.unicodeScalars.count <= 30 else { return nil }
        if parts.first?.withoutSpaces == key || title.withoutSpaces.hasPrefix(key) || key.hasPrefix(parts[0].withoutSpaces) {
            return last
        }
        return nil
    }

    /// `江苏新闻网 版权所有`, `版权所有：江苏新闻网`, `Copyright © 2020 现代快报网 …` in the page's last runs.
    static func fromFooter(_ runs: ArraySlice<TextRun>) -> String? {
        for run in runs.reversed() {
            let tokens = run.text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }).map(String.init)
            for (index, token) in tokens.enumerated() {
                if token.hasPrefix("版权所有") || token.hasPrefix("版權所有") {
                    let after = token.dropFirst(4).description.stripping(" :：©")
                    if isName(after) { return after }
                    if index > 0, isName(tokens[index - 1]) { return tokens[index - 1] }
                    if index + 1 < tokens.count, isName(tokens[index + 1]) { return tokens[index + 1] }
                }
                if token.lowercased() == "copyright" || token == "©" || token == "(c)" {
                    for candidate in tokens[(index + 1)...].prefix(3) where isName(candidate) { return candidate }
                }
            }
        }
        return nil
    }

    /// A plausible site name: mostly Han, 2–20 characters, not a year.
    private static func isName(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        let han = scalars.filter(Han.isIdeograph).count
        return (2...20).contains(scalars.count) && han * 2 >= scalars.count && !token.containsBytes("ICP")
    }
}
