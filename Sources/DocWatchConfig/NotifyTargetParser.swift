import DocWatchCore
import Foundation

/// Reads the `[[notify]]` tables: push targets with exactly one of `url` or `command`.
enum NotifyTargetParser {
    /// Every target, in config order; ids must be unique (explicit or derived).
    static func parseAll(
        _ array: [TOMLValue], file: String, sourceIDs: Set<String>, environment: [String: String]
    ) throws(ConfigError) -> [NotifyTarget] {
        var targets: [NotifyTarget] = []
        var seen: Set<String> = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                throw .badValue(file: file, line: element.position.line, column: element.position.column, key: "notify[\(index + 1)]",
                                message: "expected a table")
            }
            let reader = TableReader(table: table, name: "notify", index: index, position: element.position, file: file)
            let target = try parse(reader, sourceIDs: sourceIDs, environment: environment)
            guard seen.insert(target.id).inserted else {
                throw reader.bad("id", "another [[notify]] already has the id '\(target.id)' (give each an explicit id)")
            }
            targets.append(target)
        }
        return targets
    }

    static func parse(_ input: TableReader, sourceIDs: Set<String>, environment: [String: String]) throws(ConfigError) -> NotifyTarget {
        var reader = input
        let url = try reader.string("url")
        let command = try reader.strings("command")
        let delivery: NotifyTarget.Delivery
        switch (url, command) {
        case (let url?, nil):
            delivery = .webhook(url: try webhookURL(url, reader), headers: try reader.headers("headers") ?? [:])
        case (nil, let command?):
            delivery = .command(try commandLine(command, reader, environment: environment))
        case (.some, .some):
            throw reader.bad("command", "give either url or command, not both")
        case (nil, nil):
            throw reader.missing("url' or 'command")
        }
        var target = NotifyTarget(id: NotifyTarget.derivedID(for: delivery), delivery: delivery)
        if let id = try reader.string("id") {
            guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
                throw reader.bad("id", "'\(id)' must match [a-z0-9-]+")
            }
            target.id = id
        }
        if let names = try reader.strings("types") {
            var types: Set<ChangeEventType> = []
            for name in names {
                guard let type = ChangeEventType(rawValue: name) else {
                    let known = ChangeEventType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw reader.bad("types", "'\(name)' is not an event type (\(known))")
                }
                types.insert(type)
            }
            target.types = types
        }
        if let sources = try reader.strings("sources") {
            if let unknown = sources.first(where: { !sourceIDs.contains($0) }) {
                throw reader.bad("sources", "'\(unknown)' is not the id of a configured [[source]]")
            }
            target.sources = Set(sources)
        }
        if let tags = try reader.strings("tags") { target.tags = Set(tags) }
        if let timeout = try reader.duration("timeout", minimum: 0.1) { target.timeout = timeout }
        if let backoff = try reader.duration("backoff", minimum: 0.01) { target.backoff = backoff }
        if let maxBackoff = try reader.duration("max_backoff", minimum: 0.01) { target.maxBackoff = maxBackoff }
        guard target.maxBackoff >= target.backoff else {
            throw reader.bad("max_backoff", "must not be shorter than backoff (\(DurationText.format(target.backoff)))")
        }
        try reader.rejectUnknownKeys()
        return target
    }

    private static func webhookURL(_ url: String, _ reader: TableReader) throws(ConfigError) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else {
            throw reader.bad("url", "'\(url)' is not an absolute http(s) URL")
        }
        return url
    }

    /// A non-empty array whose first element is an executable: an absolute path, or a name found on
    /// `PATH` now (stored as the absolute path it resolved to).
    private static func commandLine(
        _ command: [String], _ reader: TableReader, environment: [String: String]
    ) throws(ConfigError) -> [String] {
        guard let program = command.first, !program.isEmpty else {
            throw reader.bad("command", "must name a program: [\"/path/to/program\", \"arguments\"…]")
        }
        let resolved: String
        if program.contains("/") {
            guard program.hasPrefix("/") else {
                throw reader.bad("command", "'\(program)' must be an absolute path or a name found on PATH")
            }
            resolved = program
        } else {
            let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
            guard let found = directories.map({ "\($0)/\(program)" }).first(where: isProgram) else {
                throw reader.bad("command", "'\(program)' is not found on PATH")
            }
            resolved = found
        }
        guard isProgram(resolved) else {
            throw reader.bad("command", "'\(resolved)' is not an executable file")
        }
        return [resolved] + command.dropFirst()
    }

    /// An executable file that is not a directory.
    private static func isProgram(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
