/// Which links in an article's body may be attachments, judged on the URL alone before any fetch.
///
/// A link is a candidate when its path ends in a document extension (`AttachmentType`), or when it
/// looks like a download endpoint: a last path segment starting with `down` (`downfile.jsp`,
/// `download.jsp`, `downloadFile.do`), a folder named `attach`, `attachment`, `attachments` or
/// `download`, or a `filename`/`fileName` query parameter (whose extension, if any, names the type). A download endpoint becomes an
/// attachment only if its response is a document (`AttachmentType.detect`); anything else is dropped.
public enum AttachmentLinkRule {
    /// How a candidate was recognised.
    public enum Candidate: Sendable, Equatable {
        /// The path names the type.
        case named(AttachmentType)
        /// A download endpoint: the response decides the type.
        case endpoint
    }

    /// The most candidates one article's attachments are fetched for; the rest are left alone.
    public static let maxPerDocument = 20

    /// Whether `url` (absolute http or https) may be an attachment.
    public static func candidate(_ url: String) -> Candidate? {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
        let withoutFragment = lowered.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? lowered
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        let query = parts.count > 1 ? String(parts[1]) : ""
        if let type = AttachmentType.fromName(path) { return .named(type) }
        let segments = path.dropFirst(lowered.hasPrefix("https://") ? 8 : 7).split(separator: "/").dropFirst()
        if let named = query.split(separator: "&").first(where: { $0.hasPrefix("filename=") }) {
            return AttachmentType.fromName(String(named.dropFirst(9))).map { .named($0) } ?? .endpoint
        }
        if let last = segments.last, last.hasPrefix("down") { return .endpoint }
        if segments.dropLast().contains(where: { endpointFolders.contains(String($0)) }) { return .endpoint }
        return nil
    }

    private static let endpointFolders: Set<String> = ["attach", "attachment", "attachments", "download", "downloads"]
}
