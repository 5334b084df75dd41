import DocWatchCore
import DocWatchStore
import Foundation

/// One query parameter as libpq takes it: text (the server infers the column's type) or binary bytes
/// (`bytea` only). `nil` is SQL NULL.
public enum PostgresParameter: Sendable, Equatable {
    case text(String)
    case binary([UInt8])
}

/// A Swift value that binds as a query parameter.
public protocol PostgresBindable: Sendable {
    var postgresParameter: PostgresParameter? { get }
}

/// PostgreSQL text cannot hold U+0000 and libpq reads a text parameter up to its first NUL, so a NUL
/// binds as U+FFFD instead of cutting the rest of the value off unseen.
extension String: PostgresBindable {
    public var postgresParameter: PostgresParameter? {
        guard utf8.contains(0) else { return .text(self) }
        return .text(replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"))
    }
}

extension Int: PostgresBindable {
    public var postgresParameter: PostgresParameter? { .text(String(self)) }
}

extension Int64: PostgresBindable {
    public var postgresParameter: PostgresParameter? { .text(String(self)) }
}

extension Double: PostgresBindable {
    public var postgresParameter: PostgresParameter? { .text("\(self)") }
}

extension Bool: PostgresBindable {
    public var postgresParameter: PostgresParameter? { .text(self ? "true" : "false") }
}

/// Dates bind as `timestamptz` text in UTC, to the millisecond, the precision the SQLite backend keeps.
extension Date: PostgresBindable {
    public var postgresParameter: PostgresParameter? { .text(StoredDate(self).text + "+00") }
}

/// Bytes bind as binary (`bytea` columns).
extension Array: PostgresBindable where Element == UInt8 {
    public var postgresParameter: PostgresParameter? { .binary(self) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresParameter: PostgresParameter? { self?.postgresParameter }
}

/// A list of values as a PostgreSQL array literal (`{"a",NULL,"b"}`), for `= ANY($1)` and `unnest($1::T[])`:
/// each element is its text form (`PostgresBindable`'s), quoted, or `NULL`; the cast in the SQL gives the type.
public struct PostgresTextArray: PostgresBindable {
    public var values: [String?]

    public init(_ values: [String]) { self.values = values }

    /// The elements of `values` as they bind one by one (dates in UTC, numbers as digits), nil as NULL.
    public init(_ values: [any PostgresBindable]) {
        self.values = values.map { value in
            guard case .text(let text)? = value.postgresParameter else { return nil }
            return text
        }
    }

    public var postgresParameter: PostgresParameter? {
        let items = values.map { value -> String in
            guard let value else { return "NULL" }
            var escaped = "\""
            for character in value {
                if character == "\"" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped + "\""
        }
        return .text("{" + items.joined(separator: ",") + "}")
    }
}
