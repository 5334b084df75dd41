/// Length caps for free text that ends up in one line of a file or a table cell.
extension String {
    /// This string if it has at most `limit` Unicode scalars; otherwise its first characters (never
    /// splitting one, unless a single character is longer than the cap) and "…", `limit` scalars in all.
    ///
    /// Scalars, not characters, bound the size: one "character" can carry thousands of combining marks.
    public func capped(at limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard unicodeScalars.count > limit else { return self }
        var kept = 0
        var end = startIndex
        for index in indices {
            let size = self[index].unicodeScalars.count
            guard kept + size <= limit - 1 else { break }
            kept += size
            end = self.index(after: index)
        }
        if end == startIndex { return String(String.UnicodeScalarView(unicodeScalars.prefix(limit - 1))) + "…" }
        return String(self[..<end]) + "…"
    }
}
