import DocWatchCore

/// Finds the facts of DESIGN.md's fact table in a document's text.
///
/// The text is read once into Unicode scalars and folded to Simplified script and ASCII digits;
/// each kind has its own hand-written scanner over that array (no regular expressions).
public struct FactExtractor: Sendable {
    public init() {}

    /// Every fact in `text`, ordered by offset.
    public func facts(in text: String) -> [Fact] {
        let scalars = ScalarText(text)
        let regions = RegionScanner.matches(in: scalars)
        var facts = FigureFacts.facts(from: FigureScanner.figures(in: scalars), in: scalars)
        facts += DocumentNumberScanner.facts(in: scalars)
        facts += CitationScanner.facts(in: scalars)
        facts += RegionScanner.facts(from: regions, in: scalars)
        facts += OrganizationScanner.facts(in: scalars, regions: regions)
        // Sorting indices, not the large Fact values; ties keep the order of the scanners.
        let order = facts.indices.sorted { (facts[$0].offset, $0) < (facts[$1].offset, $1) }
        return order.map { facts[$0] }
    }
}
