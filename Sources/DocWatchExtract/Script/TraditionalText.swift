/// Whether OpenCC's `t2s` could change a text, decided without calling it.
///
/// t2s rewrites a text only where one of its dictionary entries (a character or a phrase) matches
/// and maps to something else, so a text holding no character t2s changes on its own and none of
/// the few changing phrases made only of characters it leaves alone (回覆 → 回复, 沈默 → 沉默)
/// comes out of t2s unchanged. The tables are generated from OpenCC's own dictionaries
/// (`scripts/generate-t2s-entries.sh`); a test checks them against the OpenCC in use.
enum TraditionalText {
    /// Whether `text` holds a character or phrase t2s changes (all its characters lie at U+3400 and up).
    static func mayChange(_ text: String) -> Bool {
        let characters = Self.characters
        let anchors = Self.anchors
        var anchored = false
        for scalar in text.unicodeScalars where scalar.value >= 0x3400 {
            if characters.contains(scalar) { return true }
            if anchors.contains(scalar) { anchored = true }
        }
        return anchored && phrases.contains { text.containsBytes($0) }
    }
}
