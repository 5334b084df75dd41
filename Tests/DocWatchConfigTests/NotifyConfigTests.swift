import DocWatchConfig
import DocWatchCore
import Testing

@Suite("[[notify]] config")
struct NotifyConfigTests {
    let parser = ConfigParser(environment: ["HOME": "/home/op", "PATH": "/usr/bin:/bin"])

    private func parse(_ notify: String) throws(ConfigError) -> Configuration {
        try parser.parse("""
            [[source]]
            id = "miit"
            url = "https://www.miit.gov.cn/"
            tags = ["national"]

            \(notify)
            """, file: "/etc/docwatch/docwatch.toml")
    }

    @Test("a webhook with every key")
    func webhook() throws {
        let config = try parse("""
            [[notify]]
            id = "team-hook"
            url = "https://hooks.example.org/docwatch"
            types = ["document.new", "document.changed"]
            sources = ["miit"]
            tags = ["national"]
            headers = { Authorization = "Bearer abc", X-Team = "policy" }
            timeout = "5s"
            backoff = "200ms"
            max_backoff = "2m"
            """)
        #expect(config.notify == [NotifyTarget(
            id: "team-hook",
            delivery: .webhook(url: "https://hooks.example.org/docwatch",
                               headers: ["Authorization": "Bearer abc", "X-Team": "policy"]),
            types: [.documentNew, .documentChanged], sources: ["miit"], tags: ["national"],
            timeout: 5, backoff: 0.2, maxBackoff: 120)])
    }

    @Test("a command found on PATH is stored by its absolute path; ids are derived and stable")
    func commandOnPath() throws {
        let config = try parse("""
            [[notify]]
            command = ["sh", "-c", "cat >> /tmp/events"]
            [[notify]]
            url = "http://127.0.0.1:9/hook"
            """)
        #expect(config.notify.count == 2)
        #expect(config.notify[0].delivery == .command(["/usr/bin/sh", "-c", "cat >> /tmp/events"])
            || config.notify[0].delivery == .command(["/bin/sh", "-c", "cat >> /tmp/events"]))
        #expect(config.notify[0].id.hasPrefix("command-"))
        #expect(config.notify[1].id == NotifyTarget.derivedID(for: .webhook(url: "http://127.0.0.1:9/hook", headers: [:])))
        #expect(config.notify[1].id.hasPrefix("webhook-") && config.notify[1].id.count == "webhook-".count + 10)
        #expect(config.notify[1].timeout == 10 && config.notify[1].backoff == 1 && config.notify[1].maxBackoff == 600)
        let again = try parse("[[notify]]\nurl = \"http://127.0.0.1:9/hook\"\n")
        #expect(again.notify[0].id == config.notify[1].id)
    }

    @Test(
        "bad [[notify]] tables are refused naming the line and key",
        arguments: [
            (name: "neither url nor command", toml: "[[notify]]\ntypes = [\"document.new\"]",
             message: "docwatch.toml:6:1: missing required key 'notify[1].url' or 'command'"),
            (name: "both url and command", toml: "[[notify]]\nurl = \"https://h.example/\"\ncommand = [\"/bin/sh\"]",
             message: "docwatch.toml:8:1: bad value for 'notify[1].command': give either url or command, not both"),
            (name: "not http", toml: "[[notify]]\nurl = \"ftp://h.example/\"",
             message: "docwatch.toml:7:1: bad value for 'notify[1].url': 'ftp://h.example/' is not an absolute http(s) URL"),
            (name: "empty command", toml: "[[notify]]\ncommand = []",
             message: "docwatch.toml:7:1: bad value for 'notify[1].command': must name a program"),
            (name: "relative program", toml: "[[notify]]\ncommand = [\"bin/hook\"]",
             message: "docwatch.toml:7:1: bad value for 'notify[1].command': 'bin/hook' must be an absolute path"),
            (name: "program not on PATH", toml: "[[notify]]\ncommand = [\"no-such-docwatch-hook\"]",
             message: "docwatch.toml:7:1: bad value for 'notify[1].command': 'no-such-docwatch-hook' is not found on PATH"),
            (name: "program not executable", toml: "[[notify]]\ncommand = [\"/etc/passwd\"]",
             message: "docwatch.toml:7:1: bad value for 'notify[1].command': '/etc/passwd' is not an executable file"),
            (name: "program is a directory", toml: "[[notify]]\ncommand = [\"/usr/bin\"]",
             message: "docwatch.toml:7:1: bad value for 'notify[1].command': '/usr/bin' is not an executable file"),
            (name: "command not strings", toml: "[[notify]]\ncommand = \"/bin/sh\"",
             message: "docwatch.toml:7:1: bad value for 'notify[1].command': expected an array of strings"),
            (name: "unknown type", toml: "[[notify]]\nurl = \"https://h.example/\"\ntypes = [\"document.removed\"]",
             message: "docwatch.toml:8:1: bad value for 'notify[1].types': 'document.removed' is not an event type"),
            (name: "unknown source", toml: "[[notify]]\nurl = \"https://h.example/\"\nsources = [\"gov-cn\"]",
             message: "docwatch.toml:8:1: bad value for 'notify[1].sources': 'gov-cn' is not the id of a configured [[source]]"),
            (name: "headers not a table", toml: "[[notify]]\nurl = \"https://h.example/\"\nheaders = \"Authorization: x\"",
             message: "docwatch.toml:8:1: bad value for 'notify[1].headers': expected an inline table"),
            (name: "bad header name", toml: "[[notify]]\nurl = \"https://h.example/\"\nheaders = { \"Bad Name\" = \"x\" }",
             message: "docwatch.toml:8:13: bad value for 'notify[1].headers': 'Bad Name' is not a valid header name"),
            (name: "header value with a line break", toml: "[[notify]]\nurl = \"https://h.example/\"\nheaders = { X = \"a\\nb\" }",
             message: "docwatch.toml:8:13: bad value for 'notify[1].headers': the value of 'X' must be one line"),
            (name: "bad id", toml: "[[notify]]\nid = \"Team Hook\"\nurl = \"https://h.example/\"",
             message: "docwatch.toml:7:1: bad value for 'notify[1].id': 'Team Hook' must match [a-z0-9-]+"),
            (name: "duplicate derived id", toml: "[[notify]]\nurl = \"https://h.example/\"\n[[notify]]\nurl = \"https://h.example/\"",
             message: "docwatch.toml:8:1: bad value for 'notify[2].id': another [[notify]] already has the id"),
            (name: "timeout too short", toml: "[[notify]]\nurl = \"https://h.example/\"\ntimeout = \"10ms\"",
             message: "docwatch.toml:8:1: bad value for 'notify[1].timeout': '10ms' is shorter than 100ms"),
            (name: "max_backoff below backoff", toml: "[[notify]]\nurl = \"https://h.example/\"\nbackoff = \"1m\"\nmax_backoff = \"1s\"",
             message: "docwatch.toml:9:1: bad value for 'notify[1].max_backoff': must not be shorter than backoff (1m)"),
            (name: "unknown key", toml: "[[notify]]\nurl = \"https://h.example/\"\nretries = 3",
             message: "docwatch.toml:8:1: unknown key 'notify[1].retries'"),
        ]
    )
    func refused(name: String, toml: String, message: String) {
        do {
            let config = try parse(toml)
            Issue.record("\(name): accepted as \(config.notify)")
        } catch {
            #expect(error.description.contains(message), "\(name): \(error.description)")
        }
    }
}
