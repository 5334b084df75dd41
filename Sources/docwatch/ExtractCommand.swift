import ArgumentParser
import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `docwatch extract`: extraction only, no storage.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract documents from HTML files, without storing them.",
        discussion: "Prints one line per file: an aligned summary, or with --json one JSON object. Exits 66 when a file cannot be read."
    )

    @Flag(help: "Print one JSON object a line: the extraction fields plus `file`.")
    var json = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the files were fetched from: resolves relative links and gives URL date hints.", valueName: "URL"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The zone of page dates that name none (an IANA name).", valueName: "ZONE"))
    var timezone = PageTimeZone.defaultIdentifier

    @Option(help: ArgumentHelp("Decode every file with this charset instead of detecting it.", valueName: "CHARSET"))
    var charset: String?

    @Flag(name: .customLong("no-facts"), help: "Do not look for facts (figures, document numbers, citations) in the text.")
    var noFacts = false

    @Flag(help: "Print each file's decode-and-extract time in milliseconds to standard error.")
    var timing = false

    @Argument(help: ArgumentHelp("HTML files to extract; `-` reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard TimeZone(identifier: timezone) != nil else { throw ValidationError("unknown time zone '\(timezone)'") }
        if files.isEmpty { throw ValidationError("name at least one FILE (or - for standard input)") }
    }

    func run() throws {
        guard let zone = TimeZone(identifier: timezone) else { throw ExitCode(64) }
        let extractor = Extractor(options: ExtractionOptions(timeZone: zone, facts: !noFacts, simplify: false))
        let printer = ExtractionPrinter(json: json)
        var failed = false
        for file in files {
            guard let bytes = Self.read(file) else {
                FileHandle.standardError.write(Data("docwatch extract: cannot read \(file)\n".utf8))
                failed = true
                continue
            }
            let started = ContinuousClock.now
            let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: charset)
            let document = extractor.extract(html: decoded.text, url: baseURL)
            if timing {
                let elapsed = ContinuousClock.now - started
                let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                FileHandle.standardError.write(Data(String(format: "%.2f ms %@\n", milliseconds, file).utf8))
            }
            printer.print(document, file: file)
        }
        printer.finish()
        if failed { throw ExitCode(66) }
    }

    /// The bytes of a file, or of standard input for `-`; nil when it cannot be read.
    private static func read(_ file: String) -> [UInt8]? {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        let descriptor = Glibc.open(file, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
