import Foundation

/// The two hashes of DESIGN.md: `raw_hash` over the body bytes, `content_hash` over canonical content.
public enum ContentHash {
    /// SHA-256 of the body bytes exactly as served (after transfer decoding).
    public static func raw(_ body: [UInt8]) -> String {
        SHA256Digest.tagged(body)
    }

    /// SHA-256 of title and text, NFKC, whitespace folded. Both must already be in Simplified script.
    public static func of(title: String, text: String) -> String {
        SHA256Digest.tagged(Array(canonical(title: title, text: text).utf8))
    }

    /// The canonical form hashed: `title \n text`, NFKC, every run of white space one space.
    public static func canonical(title: String, text: String) -> String {
        foldWhitespace(title.precomposedStringWithCompatibilityMapping) + "\n"
            + foldWhitespace(text.precomposedStringWithCompatibilityMapping)
    }

    static func foldWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
