import COpenCC
import Synchronization

/// Traditional → Simplified conversion through OpenCC's `t2s` profile.
///
/// The OpenCC handle is opened once per process and shared; conversions are serialised behind a
/// lock because OpenCC's C API makes no thread-safety promise.
public final class ScriptNormalizer: Sendable {
    public static let shared = ScriptNormalizer()

    private let handle: Mutex<OpaquePointer?>

    private init() {
        let opened = opencc_open("t2s.json")
        handle = Mutex(docwatch_opencc_failed(opened) != 0 ? nil : OpaquePointer(opened))
    }

    /// Whether OpenCC and its `t2s` data were found; without them text passes through unchanged.
    public var isAvailable: Bool { handle.withLock { $0 != nil } }

    /// `text` in Simplified script. Text with no CJK characters is returned as it is.
    public func toSimplified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return text }
        return handle.withLock { handle -> String in
            guard let handle else { return text }
            let utf8 = Array(text.utf8)
            return utf8.withUnsafeBufferPointer { buffer -> String in
                guard let converted = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                    opencc_convert_utf8(UnsafeMutableRawPointer(handle), $0, buffer.count)
                }) else { return text }
                defer { opencc_convert_utf8_free(converted) }
                return String(cString: converted)
            }
        }
    }
}
