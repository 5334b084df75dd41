import DocWatchTestSupport

/// Article pages laid out the way Chinese news and government sites lay them out.
enum Fixtures {
    static func article(title: String, site: String, paragraphs: [String], charset: String?, views: Int = 40344) -> String {
        """
        <!DOCTYPE html>
        <html><head>\(charset.map { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\($0)\">" } ?? "")
        <title>\(title)_\(site)</title></head>
        <body>
        <div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
        <div class="article">
        <h1>\(title)</h1>
        <div class="info">2020-04-15 18:06 来源：\(site) 阅读：<span>\(views)</span></div>
        <div class="content">
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div>
        </div>
        <div class="footer">版权所有 \(site) ICP备00000000号</div>
        </body></html>
        """
    }

    static let traditionalTitle = "江蘇製造業按下復工復產「播放鍵」"
    static let traditionalParagraphs = [
        "江蘇是製造業大省，推動製造業復工復產，事關經濟平穩運行、社會穩定發展。",
        "全省99.7%規模以上工業企業已經復工，人員返崗率由75.6%提升至94%。",
    ]
    static let gb2312Title = "江苏持续放大招推进制造业复工复产"
    static let gb2312Paragraphs = [
        "推动制造业复工复产，事关经济平稳运行、社会稳定发展，也事关产业链、供应链稳定安全。",
        "4月15日，江苏省政府召开新闻发布会，新建5.2万座5G基站。",
    ]
    static let gbkTitle = "宁波加快工业经济达产扩能行动计划印发"
    static let gbkParagraphs = [
        "为推动全市工业企业加快复工复产，努力实现工业经济平稳发展，制定本行动计划。",
        "各区县（市）人民政府要切实抓好落实，确保复工复产各项措施落地见效。",
    ]
}
