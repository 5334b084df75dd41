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

    static let elements: Set<String> = ["nav", "menu"]
    static let roles: Set<String> = ["navigation", "menu", "menubar"]
    /// The page's banner and footer, unless inside an article or section, where they are its own.
    static let banners: Set<String> = ["header", "footer"]
    static let bannerRoles: Set<String> = ["banner", "contentinfo"]
    /// Elements that hold a headline or the content itself: a hinted block around one is a wrapper.
    static let content: Set<String> = ["h1", "main", "article"]
    /// Whole `id`/`class` tokens that mark furniture.
    static let tokens: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "header", "footer", "bottom",
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
        let role = element["role"]?.lowercased() ?? ""
        if elements.contains(element.name) || roles.contains(role) { return true }
        if element["aria-label"]?.lowercased().contains("breadcrumb") == true { return true }
        if banners.contains(element.name) || bannerRoles.contains(role) { return !isInsideArticle(element) }
        if hasFurnitureToken(element.idAndClass) { return !isInsideArticle(element) && !wrapsContent(element) }
        return isBreadcrumb(element)
    }

    /// Whether `element` lies inside an `article` or `section`: a header there heads that article.
    static func isInsideArticle(_ element: HTMLNode) -> Bool {
        var current = element.parent
        while let node = current {
            if node.name == "article" || node.name == "section" { return true }
            current = node.parent
        }
        return false
    }

    /// Whether `element` holds a headline or the main content (163.com wraps its articles in `post_header`).
    static func wrapsContent(_ element: HTMLNode) -> Bool {
        element.descendants { content.contains($0.name) }.isEmpty == false
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
