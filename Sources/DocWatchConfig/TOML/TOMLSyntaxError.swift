/// A document that is not TOML 1.0, with where the parser stopped and why.
struct TOMLSyntaxError: Error, Equatable {
    var position: TOMLPosition
    var message: String
}
