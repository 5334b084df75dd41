import CLibXML2

/// Keeps the first error libxml2 reports while parsing one document.
///
/// libxml2 keeps only the last error on its context, and it goes on parsing after the first
/// fatal one, so the last error is often a consequence (a tag mismatch at the end) rather than the
/// cause. The context's SAX `serror` hook hands every error to `record`, which keeps the first.
final class XMLFirstError {
    private(set) var error: ListingError?
    private(set) var code: Int32 = 0

    /// Routes `context`'s errors to this recorder; it must outlive the parse.
    func install(on context: xmlParserCtxtPtr) {
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let recorder = context.pointee._private else { return }
            Unmanaged<XMLFirstError>.fromOpaque(recorder).takeUnretainedValue().record(error.pointee)
        }
    }

    private func record(_ raw: xmlError) {
        guard error == nil, raw.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        code = Int32(raw.code)
        error = Self.describe(raw)
    }

    static func describe(_ raw: xmlError) -> ListingError {
        let message = raw.message.map { String(cString: $0) } ?? "error \(raw.code)"
        return .malformedXML(
            line: Int(raw.line), column: Int(raw.int2),
            message: message.split(whereSeparator: \.isNewline).joined(separator: " ")
        )
    }
}
