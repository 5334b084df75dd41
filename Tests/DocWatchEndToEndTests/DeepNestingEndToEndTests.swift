import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch extract` on markup nested far past libxml2's default depth limit: no crash, text kept.
@Suite("End to end: deep nesting")
struct DeepNestingEndToEndTests {
    @Test("a page nested 100,000 elements deep extracts its paragraph", arguments: [300, 100_000])
    func deeplyNestedPage(depth: Int) async throws {
        let space = try Workspace()
        let paragraph = "深层嵌套的正文段落，必须完整保留，不能因为嵌套过深而丢失。"
        let html = "<html><head><title>嵌套</title></head><body>" + String(repeating: "<div><span>", count: depth / 2)
            + "<p>\(paragraph)</p>" + String(repeating: "</span></div>", count: depth / 2) + "</body></html>"
        let path = space.directory.appendingPathComponent("nested.html").path
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await DocWatchProcess.run(["extract", "--json", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Workspace.jsonLines(result.stdout).first?["text"] as? String == paragraph)
    }
}
