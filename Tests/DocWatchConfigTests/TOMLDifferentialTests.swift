@testable import DocWatchConfig
import Foundation
import Testing

/// Our parser against Python's `tomllib` (TOML 1.0) on the documents of the other TOML tests and on
/// thousands of one-byte mutations of a config: both must accept with the same tree, or both refuse.
/// Runs where `python3` with `tomllib` (3.11+) is installed.
@Suite("TOML parser: agrees with Python's tomllib", .enabled(if: PythonTOMLLib.isAvailable))
struct TOMLDifferentialTests {
    @Test("same verdict and same tree on every test document and every mutation")
    func agrees() throws {
        let documents = TOMLValidDocumentTests.cases.map(\.text) + TOMLMalformedDocumentTests.cases.map(\.text) + TOMLMutations.ofSampleConfig()
        let theirs = try PythonTOMLLib.parse(documents)
        try #require(theirs.count == documents.count)
        var disagreements: [String] = []
        for (document, their) in zip(documents, theirs) {
            let ours = (try? TOMLParser.parse(document)).map(Self.render)
            if ours != their {
                disagreements.append("\(document.debugDescription.prefix(200)): ours \(ours ?? "error"), tomllib \(their ?? "error")")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(documents.count):\n\(disagreements.prefix(20).joined(separator: "\n"))")
    }

    /// The rendering `PythonTOMLLib.script` produces: floats by bit pattern, strings and keys as
    /// UTF-8 hex, table keys sorted, dates by kind only (tomllib turns them into objects).
    static func render(_ table: TOMLTable) -> String {
        let entries = table.entries.map { (hex($0.key), render($0.value)) }.sorted { $0.0 < $1.0 }
        return "{" + entries.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    static func render(_ value: TOMLValue) -> String {
        switch value.content {
        case .boolean(let flag): "b:\(flag ? 1 : 0)"
        case .integer(let number): "i:\(number)"
        case .float(let number): number.isNaN ? "f:nan" : "f:" + String(number.bitPattern, radix: 16)
        case .string(let text): "s:" + hex(text)
        case .dateTime(let value):
            switch value.kind {
            case .offsetDateTime: "dt:offset"
            case .localDateTime: "dt:local"
            case .localDate: "date"
            case .localTime: "time"
            }
        case .array(let elements): "[" + elements.map(render).joined(separator: ",") + "]"
        case .table(let table): render(table)
        }
    }

    private static func hex(_ text: String) -> String {
        text.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// Python's `tomllib`, run once over a batch of documents, rendering each as `TOMLDifferentialTests.render` does.
enum PythonTOMLLib {
    static let isAvailable = (try? runPython(["-c", "import tomllib"], input: Data()))?.status == 0

    static let script = """
        import sys, json, tomllib, struct, datetime
        def r(v):
            if isinstance(v, bool): return "b:%d" % v
            if isinstance(v, int):
                if not -2**63 <= v < 2**63: raise OverflowError  # TOML 1.0: an error, tomllib keeps big ints
                return "i:%d" % v
            if isinstance(v, float): return "f:nan" if v != v else "f:%x" % struct.unpack("<Q", struct.pack("<d", v))[0]
            if isinstance(v, str): return "s:" + v.encode().hex()
            if isinstance(v, datetime.datetime): return "dt:offset" if v.tzinfo else "dt:local"
            if isinstance(v, datetime.date): return "date"
            if isinstance(v, datetime.time): return "time"
            if isinstance(v, list): return "[" + ",".join(r(x) for x in v) + "]"
            return "{" + ",".join(k + "=" + x for k, x in sorted((k.encode().hex(), r(x)) for k, x in v.items())) + "}"
        out = []
        for d in json.load(sys.stdin):
            try: out.append(r(tomllib.loads(d)))
            except (tomllib.TOMLDecodeError, OverflowError, RecursionError): out.append(None)
        json.dump(out, sys.stdout)
        """

    /// One rendering per document; nil where tomllib refuses it.
    static func parse(_ documents: [String]) throws -> [String?] {
        let result = try runPython(["-c", script], input: try JSONEncoder().encode(documents))
        try #require(result.status == 0, "python failed")
        return try JSONDecoder().decode([String?].self, from: result.output)
    }

    static func runPython(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data) {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("toml-diff-\(UUID().uuidString).json")
        try input.write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
