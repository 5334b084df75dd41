import COpenCC
import Synchronization

/// One OpenCC conversion profile, opened once per process.
///
/// Conversions are serialised behind a lock because OpenCC's C API makes no thread-safety promise.
/// Without OpenCC or its data, text passes through unchanged.
final class OpenCCConverter: ScriptConverter {
    /// Traditional → Simplified.
    static let t2s = OpenCCConverter(profile: "t2s.json")

    private let handle: Mutex<OpaquePointer?>

    private init(profile: String) {
        let opened = opencc_open(profile)
        handle = Mutex(docwatch_opencc_failed(opened) != 0 ? nil : OpaquePointer(opened))
    }

    func convert(_ text: String) -> String {
        handle.withLock { handle -> String in
            guard let handle else { return text }
            let utf8 = Array(text.utf8)
            return utf8.withUnsafeBufferPointer { buffer -> String in
                guard let base = buffer.baseAddress,
                      let converted = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                          opencc_convert_utf8(UnsafeMutableRawPointer(handle), $0, buffer.count)
                      })
                else { return text }
                defer { opencc_convert_utf8_free(converted) }
                return String(cString: converted)
            }
        }
    }
}
