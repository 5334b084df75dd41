import DocWatchCore
import Foundation

/// One JSON object a line on stdout, keys sorted, slashes and CJK unescaped, dates as UTC ISO 8601.
enum JSONOutput {
    static func line<T: Encodable>(_ value: T) -> String {
        let encoder = DocWatchJSON.encoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.utc(date))
        }
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func print<T: Encodable>(_ value: T) {
        Swift.print(line(value))
    }
}
