/// The attachment list under a policy document (`附件：1. 实施细则.pdf`): links, but body text,
/// kept where other link lists are dropped as furniture.
enum AttachmentList {
    /// File types attachments come in, as URL or link-text endings.
    private static let extensions = ["pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "ppt", "pptx", "zip", "rar", "7z", "txt", "csv"]
    private static let leads = ["附件", "附 件", "相关附件", "相關附件", "附件下载", "附件下載"]

    /// Whether `node` is a list of attachments: it starts with 附件, or every link in it names a
    /// document file (by URL or by link text) or a download endpoint.
    static func isAttachmentBlock(_ node: HTMLNode) -> Bool {
        if let first = firstText(in: node), leads.contains(where: { first.hasPrefix($0) }) { return true }
        let anchors = node.name == "a" ? [node] : node.all("a")
        guard !anchors.isEmpty, anchors.count <= 50 else { return false }
        return anchors.allSatisfy { isDocumentLink(href: $0["href"] ?? "", text: $0.textContent) }
    }

    /// The first text in `node`'s subtree that is not white space, trimmed.
    private static func firstText(in node: HTMLNode) -> String? {
        if node.kind == .text {
            let text = node.text.trimmed
            return text.isEmpty ? nil : text
        }
        for child in node.children {
            if let found = firstText(in: child) { return found }
        }
        return nil
    }

    /// A link to a document file: its path or its text ends in a document extension, or it is a
    /// download endpoint (`downfile.jsp?…`, `download.do?…`).
    static func isDocumentLink(href: String, text: String) -> Bool {
        let path = href.split(separator: "?", maxSplits: 1).first.map { String($0).lowercased() } ?? ""
        let name = text.trimmed.lowercased()
        if extensions.contains(where: { path.hasSuffix("." + $0) || name.hasSuffix("." + $0) }) { return true }
        return path.contains("download") || path.contains("downfile") || path.contains("downloadfile")
    }
}
