import Foundation

/// Recognises site furniture on a list page: navigation bars, headers, footers, menus,
/// breadcrumbs (当前位置 blocks) and pagers, whose links are never articles.
///
/// Answers are cached per element, so asking for every link's ancestors stays linear.
struct NavigationBlocks {
    private var cache: [ObjectIdentifier: Bool] = [:]

    /// Whether `node` or any element above it is navigation.
    mutating func contains(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        var visited: [ObjectIdentifier] = []
        var answer = false
        while let element = current, element.name != "body", element.name != "#document" {
            let key = ObjectIdentifier(element)
            if let known = cache[key] {
                answer = known
                break
            }
            visited.append(key)
            if Self.isNavigation(element) {
                answer = true
                break
            }
            current = element.parent
        }
        for key in visited { cache[key] = answer }
        return answer
    }

    static let elements: Set<String> = ["nav", "header", "footer", "menu"]
    static let roles: Set<String> = ["navigation", "menu", "menubar", "banner", "contentinfo"]
    /// Whole `id`/`class` tokens that mark furniture.
    static let tokens: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "header", "footer", "head", "foot", "bottom",
        "breadcrumb", "breadcrumbs", "crumb", "crumbs", "bread", "location", "position", "dqwz", "daohang",
        "pagination", "pager", "pagebar", "pagenav", "fenye", "page_nav", "copyright", "sitemap",
    ]
    /// Token prefixes and suffixes that mark furniture (`navlist`, `topnav`, `leftmenu`, `siteheader`).
    static let affixes = ["nav", "menu", "breadcrumb", "crumb", "header", "footer"]
    /// Labels that open a breadcrumb, in both scripts.
    static let breadcrumbLabels = ["当前位置", "當前位置", "您的位置", "现在的位置", "現在的位置", "所在位置"]
    /// A breadcrumb is short; a longer block that mentions 当前位置 is the page around it.
    static let breadcrumbMaxLength = 160

    static func isNavigation(_ element: HTMLNode) -> Bool {
        if elements.contains(element.name) { return true }
        if let role = element["role"]?.lowercased(), roles.contains(role) { return true }
        if element["aria-label"]?.lowercased().contains("breadcrumb") == true { return true }
        if hasFurnitureToken(element.idAndClass) { return true }
        return isBreadcrumb(element)
    }

    static func hasFurnitureToken(_ idAndClass: String) -> Bool {
        for token in idAndClass.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
            let word = token.lowercased()
            if tokens.contains(word) { return true }
            for affix in affixes where word.hasPrefix(affix) || word.hasSuffix(affix) { return true }
        }
        return false
    }

    static func isBreadcrumb(_ element: HTMLNode) -> Bool {
        guard let text = boundedText(element, limit: breadcrumbMaxLength) else { return false }
        // A byte search: Foundation's `contains` folds character clusters and costs far more.
        return text.withCString { haystack in breadcrumbLabels.contains { strstr(haystack, $0) != nil } }
    }

    /// The text below `element`, or `nil` once it grows past `limit` characters.
    private static func boundedText(_ element: HTMLNode, limit: Int) -> String? {
        var text = ""
        var count = 0
        var stack = [element]
        while let node = stack.popLast() {
            if node.kind == .text {
                count += node.text.count
                if count > limit { return nil }
                text += node.text
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return text
    }
}
