/// Traditional → Simplified conversion (OpenCC's `t2s`), skipped for text it cannot change.
///
/// Before calling the converter, one pass over the scalars looks for a character or phrase t2s
/// changes (`TraditionalText.mayChange`); Simplified and non-Chinese text, most of what these sites
/// publish, is returned as it is without a copy into OpenCC and back.
public struct ScriptNormalizer: Sendable {
    /// The process's normaliser, over the shared OpenCC handle.
    public static let shared = ScriptNormalizer(converter: OpenCCConverter.t2s)

    private let converter: any ScriptConverter

    init(converter: any ScriptConverter) {
        self.converter = converter
    }

    /// `text` in Simplified script.
    public func toSimplified(_ text: String) -> String {
        guard TraditionalText.mayChange(text) else { return text }
        return converter.convert(text)
    }
}

/// Converts text from one script to another: OpenCC in production.
protocol ScriptConverter: Sendable {
    func convert(_ text: String) -> String
}
