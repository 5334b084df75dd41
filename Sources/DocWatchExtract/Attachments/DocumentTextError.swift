/// Why an attachment's text could not be read. Each case reads as one line for the fetch log.
public enum DocumentTextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not the format they claim (a broken zip, XML that is not OOXML).
    case unreadable(String)
    /// A part or the converter's output passed its size cap.
    case tooLarge(String)
    /// The converter a format needs is not installed.
    case toolMissing(tool: String, package: String)
    /// The converter ran past its time limit and was killed.
    case timedOut(tool: String, seconds: Double)
    /// The converter exited with a failure.
    case toolFailed(tool: String, status: Int32, message: String)

    public var description: String {
        switch self {
        case .unreadable(let message): message
        case .tooLarge(let message): "too large: \(message)"
        case .toolMissing(let tool, let package): "\(tool) not found on PATH (install the Debian package \(package))"
        case .timedOut(let tool, let seconds): "\(tool) killed after its time limit of \(Self.format(seconds))s"
        case .toolFailed(let tool, let status, let message):
            "\(tool) failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
