import DocWatchCore

extension JSONLine {
    /// `"key":[…facts…]`, the bytes `DocWatchJSON.encoder()` gives for `facts` (keys sorted, absent
    /// fields left out, `1.0` written `1`), built by hand: JSONEncoder cost more than a page's
    /// metadata. `[]` when a number is not finite, as when that encoder throws.
    mutating func field(_ key: String, facts: [Fact]) {
        guard facts.allSatisfy(\.isFinite) else {
            field(key, raw: Array("[]".utf8))
            return
        }
        field(key, raw: [])
        append(UInt8(ascii: "["))
        for (index, fact) in facts.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            object(fact)
        }
        append(UInt8(ascii: "]"))
    }

    /// One fact as JSONEncoder writes it with `.sortedKeys`: the keys in code-point order.
    private mutating func object(_ fact: Fact) {
        var first = true
        func member(_ key: StaticString, _ write: (inout JSONLine) -> Void) {
            if !first { append(UInt8(ascii: ",")) }
            first = false
            append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes in for byte in bytes { append(byte) } }
            append(UInt8(ascii: "\""))
            append(UInt8(ascii: ":"))
            write(&self)
        }
        append(UInt8(ascii: "{"))
        if let code = fact.code { member("code") { $0.string(code) } }
        if let from = fact.from { member("from") { $0.number(from) } }
        if let issuer = fact.issuer { member("issuer") { $0.string(issuer) } }
        member("kind") { $0.string(fact.kind.rawValue) }
        if let name = fact.name { member("name") { $0.string(name) } }
        if let number = fact.number { member("number") { $0.number(number) } }
        member("offset") { $0.number(fact.offset) }
        if let qualifier = fact.qualifier { member("qualifier") { $0.string(qualifier) } }
        if let subject = fact.subject { member("subject") { $0.string(subject) } }
        member("text") { $0.string(fact.text) }
        if let to = fact.to { member("to") { $0.number(to) } }
        if let unit = fact.unit { member("unit") { $0.string(unit) } }
        if let value = fact.value { member("value") { $0.number(value) } }
        if let year = fact.year { member("year") { $0.number(year) } }
        append(UInt8(ascii: "}"))
    }

    /// A Double as JSONEncoder writes it: its `description` without a trailing `.0`.
    private mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        for byte in text.utf8 { append(byte) }
    }

    private mutating func number(_ value: Int) {
        for byte in value.description.utf8 { append(byte) }
    }
}

extension Fact {
    /// Whether every number is finite (JSONEncoder refuses NaN and infinities).
    fileprivate var isFinite: Bool {
        [value, from, to].allSatisfy { $0?.isFinite ?? true }
    }
}
