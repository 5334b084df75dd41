/// The main list of articles on a list page: the list holding the most dated links.
///
/// A column page lists its articles with their dates (`<li><a>…</a><span>2024-07-30</span></li>`,
/// a table row with a date cell); navigation, columns and "more" links carry none. The list with
/// the most dated links wins, together with lists of the same element and class holding at least
/// half as many (a long list printed in groups of five). Fewer than `minimumDated` dated links
/// make no main list: the caller falls back to the page's folder.
struct MainList {
    static let minimumDated = 3
    private let lists: Set<ObjectIdentifier>

    /// The main list among `candidates`, or nil when no list has enough dated links.
    init?(_ candidates: [ListCandidate]) {
        var dated: [ObjectIdentifier: (node: HTMLNode, urls: Set<String>)] = [:]
        for candidate in candidates where candidate.dated {
            guard let list = candidate.list else { continue }
            dated[ObjectIdentifier(list), default: (list, [])].urls.insert(candidate.url)
        }
        guard let best = dated.values.max(by: { $0.urls.count < $1.urls.count }), best.urls.count >= Self.minimumDated else {
            return nil
        }
        let threshold = max(Self.minimumDated, best.urls.count / 2)
        lists = Set(dated.filter { _, list in
            list.urls.count >= threshold && list.node.name == best.node.name && list.node["class"] == best.node["class"]
        }.keys)
    }

    /// Whether `candidate` sits in the main list.
    func contains(_ candidate: ListCandidate) -> Bool {
        candidate.list.map { lists.contains(ObjectIdentifier($0)) } ?? false
    }
}
