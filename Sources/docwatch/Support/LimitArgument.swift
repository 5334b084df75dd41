import ArgumentParser

/// `--limit N`. Its option is declared with `parsing: .unconditional`, so `--limit -5` takes "-5" as
/// the value (instead of as an unknown flag, which ArgumentParser reports as "Missing value") and
/// this check can say what is wrong; a `ValidationError` exits 64.
enum LimitArgument {
    static func validate(_ limit: Int) throws {
        guard limit > 0 else { throw ValidationError("--limit must be a positive whole number") }
    }
}
