import DocWatchConfig
import DocWatchCore
import DocWatchStore
import Foundation

extension ChangesCommand {
    /// How many events one read fetches.
    static let eventBatch = 1000

    /// `changes` on a PostgreSQL database: the events from the outbox (`events(after:limit:)`), written
    /// or not yet, whichever node wrote them, printed as the log-directory path prints them (the same
    /// JSON line per event with `--json`). Opens the database read-only.
    func showFromDatabase(_ configuration: Configuration) async throws {
        let context = try AppContext(configuration: configuration, access: .readOnly)
        let since = try TimeArgument.parse(self.since)
        var last: Int64 = 0
        var table = TextTable(header: Self.header)
        for event in try readNew(context, after: &last) where Self.isShown(event, since: since) {
            output.json ? print(event.jsonLine()) : table.add(Self.row(event))
        }
        if !output.json { print(table.render()) }
        guard follow else { return }
        FollowOutput.flush()
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(500))
            for event in try readNew(context, after: &last) {
                output.json ? print(event.jsonLine()) : Self.printFollowed(event)
            }
            FollowOutput.flush()
        }
    }

    /// Every event after `last`, oldest first, moving `last` to the newest read.
    private func readNew(_ context: AppContext, after last: inout Int64) throws -> [ChangeEvent] {
        var events: [ChangeEvent] = []
        while true {
            let from = last
            let batch = try context.store { try context.database.events(after: from, limit: Self.eventBatch) }
            events += batch.map(\.event)
            last = batch.last?.event.seq ?? last
            if batch.count < Self.eventBatch { return events }
        }
    }
}
