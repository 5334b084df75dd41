/// The version `docwatch --version` prints; the one place it is written.
enum DocWatchVersion {
    static let number = "0.3.0"
    static let line = "docwatch \(number)"
}
