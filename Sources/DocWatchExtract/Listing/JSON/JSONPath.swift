import Foundation

/// A dotted path into a JSON value: `data.searchResult.dataResults`, `groupData.0.data.url`.
///
/// Each part names a member of an object; a part made of digits indexes an array instead (an
/// object member of that name is still found, as some APIs key objects by number).
struct JSONPath: CustomStringConvertible {
    let description: String
    private let parts: [Substring]

    init(_ text: String) {
        description = text
        parts = text.split(separator: ".", omittingEmptySubsequences: true)
    }

    /// The value at this path below `root`; nil when any part finds nothing (JSON `null` included).
    func value(in root: Any) -> Any? {
        var current: Any = root
        for part in parts {
            if let object = current as? [String: Any], let member = object[String(part)] {
                current = member
            } else if let array = current as? [Any], let index = Int(part), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current is NSNull ? nil : current
    }

    /// `value` as text: a string as it is, a number as its digits; nil for anything else.
    func text(in root: Any) -> String? {
        switch value(in: root) {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// A word for what `value` is, for messages: `an object`, `a string` …
    static func kind(of value: Any) -> String {
        switch value {
        case is [String: Any]: "an object"
        case is [Any]: "an array"
        case is String: "a string"
        case is NSNumber: "a number"
        default: "a value"
        }
    }
}
