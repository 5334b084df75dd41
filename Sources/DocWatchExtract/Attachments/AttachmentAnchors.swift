import DocWatchCore
import Foundation

/// A link in an article's body that may be an attachment, with its name as the link text says it.
public struct AttachmentLink: Sendable, Equatable {
    public var url: String
    /// The anchor's text, else its `title`, else the last segment of the URL's path.
    public var name: String
    public var candidate: AttachmentLinkRule.Candidate

    public init(url: String, name: String, candidate: AttachmentLinkRule.Candidate) {
        self.url = url
        self.name = name
        self.candidate = candidate
    }
}

/// Finds the attachment links of an extracted page, with their names.
public enum AttachmentAnchors {
    /// The candidates (`AttachmentLinkRule`) among `document.links`, named from the page's anchors,
    /// at most `AttachmentLinkRule.maxPerDocument`. The page is parsed again only when some body
    /// link is a candidate, so pages without attachments cost nothing more.
    public static func find(html: String, url: String?, bodyLinks: [String]) -> [AttachmentLink] {
        let candidates = bodyLinks.compactMap { link in AttachmentLinkRule.candidate(link).map { (link, $0) } }
            .prefix(AttachmentLinkRule.maxPerDocument)
        guard !candidates.isEmpty else { return [] }
        let root = HTMLParser.parse(html)
        var names: [String: String] = [:]
        for (link, anchor) in BodyLinks.anchors(in: root, root: root, page: url) where names[link] == nil {
            let text = Whitespace.fold(anchor.textContent)
            let title = anchor["title"].map(Whitespace.fold) ?? ""
            if !text.isEmpty || !title.isEmpty { names[link] = text.isEmpty ? title : text }
        }
        return candidates.map { link, candidate in
            AttachmentLink(url: link, name: names[link] ?? fileName(link), candidate: candidate)
        }
    }

    /// The last path segment of `url`, percent-decoded.
    public static func fileName(_ url: String) -> String {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let last = path.split(separator: "/").last.map(String.init) ?? url
        return last.removingPercentEncoding ?? last
    }
}
