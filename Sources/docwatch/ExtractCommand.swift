import ArgumentParser

/// `docwatch extract`: extraction only, no storage.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Extract documents from HTML files, without storing them.")

    func run() async throws {}
}
