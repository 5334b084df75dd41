import DocWatchTestSupport
import Testing

@Suite("docwatch --version")
struct VersionTests {
    @Test("prints 'docwatch 0.3.0' and exits 0")
    func version() async throws {
        let result = try await DocWatchProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "docwatch 0.3.0\n")
    }
}
