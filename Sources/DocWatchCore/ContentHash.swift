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
        Whitespace.fold(CompatibilityForm.nfkc(title)) + "\n" + Whitespace.fold(CompatibilityForm.nfkc(text))
    }
}
