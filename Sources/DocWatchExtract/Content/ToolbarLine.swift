import DocWatchCore

/// A line made only of page-tool words: `【打印本页】【关闭窗口】`, `字体：大 中 小`, `分享 微信 微博 QQ空间`,
/// `纠错 | 打印 | 关闭`. Such lines say nothing a reader of the article needs.
enum ToolbarLine {
    /// Page-tool words; never a person's name either (`关闭窗口` starts with the surname 关).
    static let words: Set<String> = [
        "打印", "关闭", "關閉", "收藏", "纠错", "糾錯", "我要纠错", "我要糾錯", "分享", "分享到", "转发", "轉發", "字体", "字體", "字号", "字號",
        "大", "中", "小", "默认", "默認", "返回", "返回顶部", "返回頂部", "顶部", "頂部", "打印本页", "打印本頁", "关闭窗口", "關閉窗口",
        "关闭本页", "關閉本頁", "加入收藏", "收藏本页", "微信", "微博", "新浪微博", "腾讯微博", "QQ空间", "QQ空間", "QQ", "空间", "人人网",
        "豆瓣", "朋友圈", "复制链接", "複製鏈接", "扫一扫", "掃一掃", "保存", "下载", "下載", "放大", "缩小", "縮小", "打印正文", "上一篇",
        "下一篇", "点赞", "評論", "评论", "举报", "舉報", "朗读", "朗讀", "听全文", "聽全文", "视力保护色", "護眼", "护眼",
    ]
    /// The first characters of the words: a line starting with none is no toolbar.
    private static let firstScalars = ScalarSet(words.compactMap { $0.unicodeScalars.first?.value })
    /// Characters that separate toolbar words.
    private static let separators = ScalarSet("【】[]（）()|｜丨/／:：、·•-—><〔〕")

    /// Whether every word of a short line is a toolbar word (and there is at least one).
    static func isToolbar(_ line: String) -> Bool {
        guard line.utf8.count <= 180,
              let first = line.unicodeScalars.first(where: { !separators.contains($0) && !Whitespace.isSpace($0) }),
              firstScalars.contains(first), line.unicodeScalars.count <= 60 else { return false }
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if separators.contains(scalar) || Whitespace.isSpace(scalar) {
                if !current.isEmpty { tokens.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        // `大 中 小` alone is a font-size picker; a line of one size word could be text.
        return !tokens.isEmpty && tokens.allSatisfy(words.contains) && tokens.contains { $0.unicodeScalars.count > 1 }
    }
}
