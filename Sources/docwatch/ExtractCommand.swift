import ArgumentParser
import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `docwatch extract`: extraction only, no storage. HTML files go through the extractor; a document
/// file (PDF, DOCX, XLSX, OFD, DOC, WPS, XLS, ET — told by its bytes and extension as the pipeline
/// tells an answer) is read by the pipeline's readers and made a document the way a source URL that
/// is such a file is.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract documents from HTML files or document files (PDF, DOCX, XLSX, OFD, DOC, WPS, XLS, ET), without storing them.",
        discussion: """
            Prints one line per file: an aligned summary, or with --json one JSON object. A document file is told by its \
            bytes and extension and read as `docwatch fetch` reads one (pdftotext, the XML inside OOXML and OFD, \
            LibreOffice for the old binary formats). Exits 66 when a file, or a document file's text, cannot be read.
            """
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

    @Argument(help: ArgumentHelp("HTML or document files to extract; `-` reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard TimeZone(identifier: timezone) != nil else { throw ValidationError("unknown time zone '\(timezone)'") }
        if files.isEmpty { throw ValidationError("name at least one FILE (or - for standard input)") }
    }

    func run() async throws {
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
            let document: ExtractedDocument
            let name = file == "-" ? nil : Self.lastPathComponent(file)
            if let type = AttachmentType.detect(bytes, name: name, contentType: nil) {
                do {
                    document = try await extractor.fileDocument(bytes: bytes, type: type, name: name, reader: DocumentTextReader())
                } catch {
                    printer.finish()
                    FileHandle.standardError.write(Data("docwatch extract: cannot read \(file) as \(type.rawValue.uppercased()): \(error)\n".utf8))
                    failed = true
                    continue
                }
            } else {
                let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: charset)
                document = extractor.extract(html: decoded.text, url: baseURL)
            }
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

    /// The file name a path ends in (`URL(fileURLWithPath:).lastPathComponent` without building a URL).
    static func lastPathComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The bytes of a file, or of standard input for `-`; nil when it cannot be read.
    private static func read(_ file: String) -> [UInt8]? {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        let descriptor = Glibc.open(file, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        // Sized by fstat (one spare byte shows the end without a second buffer); grown if the file grows.
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 64 * 1024))) }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 { return nil }
            if count == 0 {
                bytes.removeSubrange(filled...)
                return bytes
            }
            filled += count
        }
    }
}
