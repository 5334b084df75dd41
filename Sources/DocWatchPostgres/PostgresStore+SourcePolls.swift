import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Updates a source's health after one poll and writes `source.failing` on the first failure after a
    /// success and `source.recovered` on the first success after failures; releases this node's lease on
    /// the source and records the node as its last poller. Returns the event written.
    public func recordSourcePoll(
        source: String, time: Date, outcome: FetchOutcome, error: String?, nextDue: Date?
    ) throws(StoreError) -> Int64? {
        try write("record the health of source \(source)") { (connection) throws(StoreError) -> Int64? in
            try recordSourcePoll(SourcePoll(source: source, time: time, outcome: outcome, error: error, nextDue: nextDue), connection)
        }
    }

    /// `recordSourcePoll` for many sources in one transaction. Returns the events written, in order.
    public func recordSourcePolls(_ polls: [SourcePoll]) throws(StoreError) -> [Int64] {
        guard !polls.isEmpty else { return [] }
        return try write("record the health of \(polls.count) sources") { (connection) throws(StoreError) in
            var events: [Int64] = []
            for poll in polls {
                if let seq = try recordSourcePoll(poll, connection) { events.append(seq) }
            }
            return events
        }
    }

    /// The row is locked while its failure count is read, so two nodes recording the same source at once
    /// take turns and one failing streak writes one `source.failing`.
    private func recordSourcePoll(_ poll: SourcePoll, _ connection: PostgresConnection) throws(StoreError) -> Int64? {
        let operation = "record the health of source \(poll.source)"
        let previous = try connection.query("SELECT failures FROM source WHERE id = $1 FOR UPDATE", [poll.source], operation: operation)
            .first?.int("failures") ?? 0
        let failed = poll.outcome == .error
        try connection.query("""
            UPDATE source SET last_poll = $1, last_outcome = $2, next_due = COALESCE($3, next_due),
                failures = $4, last_error = $5, last_success = CASE WHEN $6 THEN last_success ELSE $1 END,
                lease_node = NULL, lease_until = NULL, last_node = $7
            WHERE id = $8
            """, [poll.time, poll.outcome.rawValue, poll.nextDue, failed ? previous + 1 : 0, failed ? poll.error : nil, failed, node,
                  poll.source], operation: operation)
        if failed && previous == 0 {
            return try PostgresOutboxAppend.append(connection, time: poll.time, type: .sourceFailing, source: poll.source, error: poll.error)
        }
        if !failed && previous > 0 {
            return try PostgresOutboxAppend.append(connection, time: poll.time, type: .sourceRecovered, source: poll.source)
        }
        return nil
    }
}
