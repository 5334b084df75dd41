@testable import DocWatchExtract
import Foundation
import Glibc
import Testing

/// The rules every external converter runs under, with fake converters (shell scripts).
@Suite("Converter processes")
struct ConverterProcessTests {
    /// A folder with an executable script called `name`.
    static func script(_ name: String, _ body: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-converter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder.path
    }

    @Test("a converter that hangs (and its child) is killed at the time limit")
    func hangingConverterIsKilled() async throws {
        // The child `sleep` holds stdout open: only killing the whole process group ends the wait.
        let folder = try Self.script("pdftotext", "sleep 120 & wait")
        let started = ContinuousClock.now
        let process = ConverterProcess(tool: "pdftotext", package: "poppler-utils", arguments: [], timeLimit: 1,
                                       maxOutput: 1 << 20, searchPath: [folder])
        await #expect(throws: DocumentTextError.timedOut(tool: "pdftotext", seconds: 1)) { try await process.run() }
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("the converter inherits no descriptor of ours but stdin, stdout and stderr")
    func noInheritedDescriptors() async throws {
        let folder = try Self.script("lister", "ls /proc/self/fd")
        // A descriptor without close-on-exec, as sockets of other libraries may be.
        let inheritable = Glibc.open("/dev/null", O_RDONLY)
        defer { close(inheritable) }
        #expect(inheritable > 3)
        let process = ConverterProcess(tool: "lister", package: "none", arguments: [], timeLimit: 10, maxOutput: 1 << 20,
                                       searchPath: [folder])
        let listed = String(decoding: try await process.run(), as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        // 0, 1, 2 and the descriptor `ls` opens to read the folder.
        #expect(listed.filter { $0 > 3 }.isEmpty, "\(listed)")
    }

    @Test("output past the cap kills the converter")
    func outputCap() async throws {
        let folder = try Self.script("soffice", "yes 'line of text'")
        let process = ConverterProcess(tool: "soffice", package: "libreoffice", arguments: [], timeLimit: 30,
                                       maxOutput: 64 << 10, searchPath: [folder])
        await #expect(throws: DocumentTextError.tooLarge("soffice wrote more than 64KiB")) { try await process.run() }
    }

    @Test("stdin is /dev/null, arguments reach the tool as they are (no shell), a failure names the exit status")
    func argumentsAndFailures() async throws {
        let folder = try Self.script("echoer", "cat; printf '%s|' \"$@\"; [ \"$1\" = fail ] && { echo broken >&2; exit 3; }; exit 0")
        let echo = ConverterProcess(tool: "echoer", package: "none", arguments: ["a b", "$(id)", ";ls"], timeLimit: 10,
                                    maxOutput: 1 << 20, searchPath: [folder])
        #expect(String(decoding: try await echo.run(), as: UTF8.self) == "a b|$(id)|;ls|")
        let failing = ConverterProcess(tool: "echoer", package: "none", arguments: ["fail"], timeLimit: 10, maxOutput: 1 << 20,
                                       searchPath: [folder])
        await #expect(throws: DocumentTextError.toolFailed(tool: "echoer", status: 3, message: "broken")) { try await failing.run() }
    }

    @Test("a missing converter names the tool and the Debian package")
    func missingTool() async throws {
        let process = ConverterProcess(tool: "pdftotext", package: "poppler-utils", arguments: [], timeLimit: 1, maxOutput: 1,
                                       searchPath: ["/nonexistent"])
        await #expect(throws: DocumentTextError.toolMissing(tool: "pdftotext", package: "poppler-utils")) { try await process.run() }
        #expect(DocumentTextError.toolMissing(tool: "pdftotext", package: "poppler-utils").description
            == "pdftotext not found on PATH (install the Debian package poppler-utils)")
    }
}
