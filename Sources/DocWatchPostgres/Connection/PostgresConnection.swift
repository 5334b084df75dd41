import CLibPQ
import DocWatchStore
import Foundation

/// One libpq connection. Not thread-safe: `PostgresPool` hands it to one caller at a time.
///
/// libpq reads everything a PostgreSQL user expects from the URL and the environment: the password
/// from `PGPASSWORD` or `~/.pgpass`, TLS from `sslmode`/`sslrootcert`/… (URL parameters or `PGSSLMODE`),
/// `PGHOST`, `PGSERVICE`. Each session runs in UTC with ISO dates, so dates read back as written.
public final class PostgresConnection {
    private var handle: OpaquePointer?
    let url: String

    /// Connects to `url`; with `readOnly`, every transaction of the session is read-only.
    public init(url: String, readOnly: Bool = false) throws(StoreError) {
        self.url = url
        try connect(readOnly: readOnly)
    }

    deinit { PQfinish(handle) }

    private func connect(readOnly: Bool) throws(StoreError) {
        PQfinish(handle)
        handle = PQconnectdb(url)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            throw StoreError(operation: "connect to \(PostgresURL.redacted(url))", message: Self.trimmed(message))
        }
        var settings = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'; SET client_min_messages = 'warning';"
        if readOnly { settings += " SET default_transaction_read_only = on;" }
        try script(settings, operation: "set up the session")
    }

    /// Runs `sql` (one statement, `$1`… placeholders) with `parameters`; returns its rows (none for a command).
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresBindable] = [], operation: String) throws(StoreError) -> [PostgresRow] {
        let bound = parameters.map(\.postgresParameter)
        let result = withParameters(bound) { values, lengths, formats in
            PQexecParams(handle, sql, Int32(bound.count), nil, values, lengths, formats, 0)
        }
        return try rows(of: result, operation: operation)
    }

    /// Runs one or more statements with no parameters (migrations, session settings).
    public func script(_ sql: String, operation: String) throws(StoreError) {
        _ = try rows(of: PQexec(handle, sql), operation: operation)
    }

    /// Whether the connection is still usable (libpq says so after a failure that broke it).
    var isBroken: Bool { handle == nil || PQstatus(handle) != CONNECTION_OK }

    private func rows(of result: OpaquePointer?, operation: String) throws(StoreError) -> [PostgresRow] {
        defer { PQclear(result) }
        guard let result else {
            throw StoreError(operation: operation, message: Self.trimmed(String(cString: PQerrorMessage(handle))))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        case PGRES_TUPLES_OK:
            let fieldCount = PQnfields(result)
            var columns: [String: Int] = [:]
            for field in 0..<fieldCount { columns[String(cString: PQfname(result, field))] = Int(field) }
            let rowCount = PQntuples(result)
            var rows: [PostgresRow] = []
            rows.reserveCapacity(Int(rowCount))
            for row in 0..<rowCount {
                var values: [String?] = []
                values.reserveCapacity(Int(fieldCount))
                for field in 0..<fieldCount {
                    values.append(PQgetisnull(result, row, field) != 0 ? nil : String(cString: PQgetvalue(result, row, field)))
                }
                rows.append(PostgresRow(columns: columns, values: values))
            }
            return rows
        default:
            throw Self.error(result, operation: operation, fallback: String(cString: PQerrorMessage(handle)))
        }
    }

    /// A failed statement as a `StoreError`, keeping the SQLSTATE (a full disk reads as one everywhere).
    private static func error(_ result: OpaquePointer, operation: String, fallback: String) -> StoreError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        var message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? trimmed(fallback)
        if state == "53100" { message = "disk full (\(message))" }
        var error = StoreError(operation: operation, message: message)
        error.sqlState = state.isEmpty ? nil : state
        return error
    }

    private static func trimmed(_ message: String) -> String {
        message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Lays the parameters out as libpq's three parallel C arrays for the length of `body`.
    private func withParameters<T>(
        _ parameters: [PostgresParameter?],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> T
    ) -> T {
        var storage: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        defer { storage.forEach { $0?.deallocate() } }
        /// A C copy of `bytes`, NUL-terminated (libpq reads text parameters up to the NUL).
        func copy(_ bytes: some Collection<UInt8>) -> UnsafeMutablePointer<CChar> {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            var index = 0
            for byte in bytes {
                buffer[index] = CChar(bitPattern: byte)
                index += 1
            }
            buffer[index] = 0
            return buffer
        }
        for parameter in parameters {
            switch parameter {
            case nil:
                storage.append(nil); lengths.append(0); formats.append(0)
            case .text(let text):
                storage.append(copy(text.utf8)); lengths.append(0); formats.append(0)
            case .binary(let bytes):
                storage.append(copy(bytes)); lengths.append(Int32(bytes.count)); formats.append(1)
            }
        }
        return storage.withUnsafeBufferPointer { values in
            values.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        body(values.baseAddress, lengths.baseAddress, formats.baseAddress)
                    }
                }
            }
        }
    }
}
