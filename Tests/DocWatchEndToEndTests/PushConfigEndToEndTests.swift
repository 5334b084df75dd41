import DocWatchTestSupport
import Foundation
import Testing

@Suite("[[notify]] in check-config")
struct PushConfigEndToEndTests {
    @Test("check-config prints each push target with its id and defaults, header values hidden")
    func checkConfigPrintsTargets() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "https://www.miit.gov.cn/") + """

            [[notify]]
            url = "https://hooks.example.org/docwatch"
            types = ["document.new"]
            headers = { Authorization = "Bearer secret-token" }

            [[notify]]
            id = "script"
            command = ["sh", "-c", "cat"]
            timeout = "30s"
            """)
        let result = try await space.run(["check-config"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("[[notify]]\nid = \"webhook-"))
        #expect(out.contains("url = \"https://hooks.example.org/docwatch\""))
        #expect(out.contains("types = [\"document.new\"]"))
        #expect(out.contains("headers = { \"Authorization\" = \"…\" }"))
        #expect(!out.contains("secret-token"))
        #expect(out.contains("id = \"script\"\ncommand = [\"/usr/bin/sh\", \"-c\", \"cat\"]")
            || out.contains("id = \"script\"\ncommand = [\"/bin/sh\", \"-c\", \"cat\"]"), "\(out)")
        #expect(out.contains("timeout = \"30s\"\nbackoff = \"1s\"\nmax_backoff = \"10m\""))
    }

    @Test("a [[notify]] with both url and command stops fetch with exit 78 naming the key")
    func badTargetRefused() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "http://127.0.0.1:9/") + """

            [[notify]]
            url = "https://hooks.example.org/docwatch"
            command = ["/bin/sh"]
            """)
        let result = try await space.run(["fetch"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("bad value for 'notify[1].command': give either url or command, not both"))
    }
}
