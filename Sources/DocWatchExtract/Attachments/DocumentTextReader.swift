import DocWatchCore
import Foundation

/// Reads the text of a document file: PDF with poppler's `pdftotext`, DOCX/XLSX/OFD from the XML
/// inside their zip, DOC/WPS/XLS/ET with LibreOffice headless (which reads Kingsoft's WPS and ET
/// as the Word and Excel binary formats they are).
///
/// The converters run under `ConverterProcess`'s rules: no shell, a time limit, an output cap.
/// Their input is a file in a private temporary folder removed afterwards.
public struct DocumentTextReader: Sendable {
    /// Seconds a converter may run before it is killed.
    public var timeLimit: Double
    /// Bytes of text a converter may write.
    public var maxOutput: Int
    /// Where converters are looked for; default `$PATH`.
    public var searchPath: [String]

    /// A reader with the given limits.
    public init(timeLimit: Double = 120, maxOutput: Int = 32 << 20, searchPath: [String]? = nil) {
        self.timeLimit = timeLimit
        self.maxOutput = maxOutput
        self.searchPath = searchPath ?? ConverterProcess.pathDirectories()
    }

    /// The text of `bytes` read as `type`, one paragraph or row a line.
    public func text(of bytes: [UInt8], type: AttachmentType) async throws(DocumentTextError) -> String {
        switch type {
        case .docx: return try OOXMLText.word(ZipArchive(bytes))
        case .xlsx: return try OOXMLText.spreadsheet(ZipArchive(bytes))
        case .ofd: return try OFDText.text(ZipArchive(bytes))
        case .pdf: return try await pdf(bytes)
        case .doc, .wps: return try await office(bytes, inputExtension: "doc", filter: "txt:Text (encoded):UTF8", outputExtension: "txt")
        case .xls, .et:
            // Tab-separated, UTF-8 (76), every sheet (-1) into a file of its own.
            return try await office(bytes, inputExtension: "xls",
                                    filter: "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false,-1",
                                    outputExtension: "csv")
        }
    }

    private func pdf(_ bytes: [UInt8]) async throws(DocumentTextError) -> String {
        let folder = try ScratchFolder()
        let input = try folder.write(bytes, name: "input.pdf")
        let output = try await converter("pdftotext", package: "poppler-utils", ["-q", "-enc", "UTF-8", "-eol", "unix", input, "-"]).run()
        // Pages end in a form feed.
        return TextLines.join([String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")])
    }

    private func office(_ bytes: [UInt8], inputExtension: String, filter: String, outputExtension: String) async throws(DocumentTextError) -> String {
        let folder = try ScratchFolder()
        let input = try folder.write(bytes, name: "input." + inputExtension)
        let outputFolder = folder.path + "/out"
        // A profile of its own per run: two conversions at once would otherwise share (and lock) one.
        var process = converter("soffice", package: "libreoffice-writer-nogui, libreoffice-calc-nogui", [
            "-env:UserInstallation=file://" + folder.path + "/profile", "--headless", "--norestore", "--nolockcheck",
            "--nodefault", "--nologo", "--convert-to", filter, "--outdir", outputFolder, input,
        ])
        // A UTF-8 locale whatever the daemon was started with: without LANG (a bare systemd unit, a minimal
        // environment) soffice writes no CSV for a workbook at all.
        process.environment = ["HOME": folder.path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        _ = try await process.run()
        let outputs = ((try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? [])
            .filter { $0.hasSuffix("." + outputExtension) }.sorted()
        guard !outputs.isEmpty else { throw .unreadable("soffice wrote no text (not a \(inputExtension.uppercased()) file?)") }
        var texts: [String] = []
        var total = 0
        for name in outputs {
            guard let data = FileManager.default.contents(atPath: outputFolder + "/" + name) else { continue }
            total += data.count
            guard total <= maxOutput else { throw .tooLarge("soffice wrote more than \(ByteSize.format(maxOutput))") }
            texts.append(String(decoding: data, as: UTF8.self))
        }
        return TextLines.join(texts)
    }

    private func converter(_ tool: String, package: String, _ arguments: [String]) -> ConverterProcess {
        ConverterProcess(tool: tool, package: package, arguments: arguments, timeLimit: timeLimit, maxOutput: maxOutput,
                         searchPath: searchPath)
    }
}

/// A private temporary folder (mode 0700), removed with everything in it when released.
final class ScratchFolder {
    let path: String

    init() throws(DocumentTextError) {
        let template = FileManager.default.temporaryDirectory.path + "/docwatch-attachment-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw .unreadable("cannot make a temporary folder in \(template)") }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` inside the folder and returns the file's path.
    func write(_ bytes: [UInt8], name: String) throws(DocumentTextError) -> String {
        let file = path + "/" + name
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw .unreadable("cannot write \(file)")
        }
        return file
    }
}
