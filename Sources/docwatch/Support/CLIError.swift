import ArgumentParser
import DocWatchConfig
import Foundation

/// A failure the CLI reports as one line on stderr, with a sysexits code.
enum CLIError: Error, CustomStringConvertible {
    case config(String)
    case usage(String)
    case badInput(String)
    case noInput(String)
    case io(String)
    /// Some polls failed; their lines were already printed.
    case pollsFailed

    var description: String {
        switch self {
        case .config(let message), .usage(let message), .badInput(let message), .noInput(let message), .io(let message):
            message
        case .pollsFailed:
            "some polls failed"
        }
    }

    /// A config that does not load: a missing file is EX_NOINPUT (66), anything else EX_CONFIG (78).
    init(_ error: ConfigError) {
        if case .notFound = error {
            self = .noInput(error.description)
        } else {
            self = .config(error.description)
        }
    }

    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .badInput: 65
        case .noInput: 66
        case .io: 74
        case .config: 78
        case .pollsFailed: 1
        }
    }
}

enum Terminal {
    /// Writes one line to stderr, prefixed with the program name.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("docwatch: \(message)\n".utf8))
    }

    /// Runs a command body, turning a `CLIError` into its line on stderr and its exit code.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            if case .pollsFailed = error {} else { Self.error(error.description) }
            throw ExitCode(error.exitCode)
        }
    }
}
