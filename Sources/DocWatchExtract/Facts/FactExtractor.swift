import DocWatchCore

/// Finds the facts of DESIGN.md's fact table in a document's text.
public struct FactExtractor: Sendable {
    public init() {}

    /// Every fact in `text`, ordered by offset.
    public func facts(in text: String) -> [Fact] {
        []
    }
}
