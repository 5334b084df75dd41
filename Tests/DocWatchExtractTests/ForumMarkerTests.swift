import DocWatchCore
@testable import DocWatchExtract
import Testing

@Suite("The forum marker test")
struct ForumMarkerTests {
    @Test("The forum marker test on 由 agrees with searching for each marker", arguments: [
        "<p>本帖由 ggjjzhzz 于 2005-9-15 11:46 发表</p>", "本贴由大卫于2005年8月12日", "x該帖由", "本文由", "<p>由此可见</p>",
        "由", "", "本帖<b>由</b>", "帖由贴由文由", "理由：本文由此", "本帖最后由 X 于 2005 编辑",
    ])
    func forumMarkers(_ html: String) {
        let markers = ["本贴由", "本帖由", "此贴由", "此帖由", "該帖由", "该帖由", "本文由"]
        #expect(ForumPost.mayHoldMarker(html) == markers.contains { html.containsBytes($0) })
    }
}
