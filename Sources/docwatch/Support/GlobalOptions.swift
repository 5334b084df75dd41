import ArgumentParser
import DocWatchConfig
import DocWatchCore

/// `--config`, taken by every command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file (else $DOCWATCH_CONFIG, else /etc/docwatch/docwatch.toml).", valueName: "path"))
    var config: String?

    /// Loads and validates the configuration, or fails with one line: exit 66 when the file is
    /// missing, 78 when it cannot be read or is not a valid config.
    func loadConfiguration() throws -> Configuration {
        do {
            return try ConfigLoader().load(explicit: config)
        } catch {
            throw CLIError(error)
        }
    }
}

/// `--json`, for commands that print records.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object a line instead of aligned text.")
    var json = false
}
