#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines of rendered text that are site furniture whatever block they sit in: breadcrumbs,
/// pagers, share prompts, disclaimers, editor lines, ICP and copyright footers, rows of a
/// disclosure table, and toolbars (`【打印】【关闭】`, `分享：微信 微博`, `我要纠错`).
enum FurnitureLines {
    /// Line starts that mark furniture (Simplified and Traditional).
    static let prefixes = [
        "当前位置", "當前位置", "您当前的位置", "您當前的位置", "您的位置", "您现在的位置", "您現在的位置", "现在位置", "所在位置",
        "上一篇", "下一篇", "上一條", "下一條", "上一条", "下一条", "分享到", "分享至", "分享：", "责任编辑", "責任編輯", "责编",
        "責編", "特别声明", "特別聲明", "免责声明", "免責聲明", "版权声明", "版權聲明", "相关新闻", "相關新聞", "相关阅读",
        "相關閱讀", "相关文章", "相關文章", "热点排行", "熱點排行", "热门资讯", "熱門資訊", "推荐阅读", "推薦閱讀", "扫一扫",
        "掃一掃", "标签：", "標簽：", "标签:", "关键词：", "關鍵詞：", "打印本页", "打印本頁", "【打印", "【关闭", "[打印",
        "字号", "字體", "字体", "Copyright", "copyright", "COPYRIGHT", "©", "版权所有", "版權所有", "编辑：", "编辑:", "編輯：", "編輯:",
        "我要纠错", "我要糾錯", "关闭窗口", "關閉窗口", "关闭本页", "關閉本頁", "打印此页", "打印此頁", "收藏本页", "收藏本頁",
        "在手机上查看", "手机扫码", "手機掃碼", "用手机扫描", "微信扫一扫", "微信掃一掃",
    ]

    /// Fragments that make any short line furniture.
    static let fragments = ["ICP备", "ICP備", "ICP证", "版权所有", "版權所有", "公网安备", "公網安備", "未经授权", "未經授權"]

    private static let prefixBytes = prefixes.map { Array($0.utf8) }

    /// Brackets that wrap editor lines: `（责任编辑：…）`, `【编辑：…】`.
    private static let openingBrackets: Set<UInt8> = [UInt8(ascii: "("), UInt8(ascii: "[")]
    private static let openingWideBrackets = ["（", "【", "〔", "［"].map { Array($0.utf8) }

    /// Whether a rendered line is furniture.
    ///
    /// Every rendered line passes here: the prefixes are compared on the line's bytes, and the
    /// length test counts no further than it must (80 scalars take at most 320 bytes, at least 80).
    static func isFurniture(_ line: String) -> Bool {
        let startsLikeFurniture = SpaceBytes.withBytes(line) { bytes -> Bool in
            var start = 0
            if let first = bytes.first, openingBrackets.contains(first) {
                start = 1
            } else if let wide = openingWideBrackets.first(where: { Self.bytes(bytes, at: 0, startWith: $0) }) {
                start = wide.count
            }
            return prefixBytes.contains { Self.bytes(bytes, at: start, startWith: $0) }
        }
        if startsLikeFurniture { return true }
        let byteCount = line.utf8.count
        let short = byteCount <= 80 || (byteCount <= 320 && line.unicodeScalars.count <= 80)
        if short, fragments.contains(where: { line.containsBytes($0) }) { return true }
        return DisclosureLabels.isTableLine(line) || ToolbarLine.isToolbar(line)
    }

    /// Whether `bytes` from `offset` on start with `prefix`.
    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, startWith prefix: [UInt8]) -> Bool {
        guard bytes.count - offset >= prefix.count, let base = bytes.baseAddress else { return prefix.isEmpty }
        return prefix.withUnsafeBufferPointer { prefix in
            guard let prefixBase = prefix.baseAddress else { return true }
            return memcmp(base + offset, prefixBase, prefix.count) == 0
        }
    }
}
