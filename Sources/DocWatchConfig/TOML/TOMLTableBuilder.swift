/// One part of a dotted key, with where it was written.
struct TOMLKeyPart: Sendable, Equatable {
    var name: String
    var position: TOMLPosition
}

/// A table while the document is being read, remembering how it came to be: TOML 1.0 forbids
/// defining a table twice, extending a header-defined table with dotted keys from elsewhere,
/// extending an inline table, and appending with `[[ ]]` to an array written as a value.
final class TOMLTableBuilder {
    enum Origin: Equatable {
        /// Created as a step of a longer header (`a` in `[a.b]`); a later `[a]` may still define it.
        case implicit
        /// Defined by `[name]` or as one element of `[[name]]`.
        case header
        /// Created by a dotted key in the given section; only that section may add to it.
        case dotted(section: Int)
    }

    /// An array of tables built by `[[name]]` headers.
    final class TableArray {
        var tables: [TOMLTableBuilder]
        let position: TOMLPosition

        init(first: TOMLTableBuilder, position: TOMLPosition) {
            tables = [first]
            self.position = position
        }
    }

    private enum Slot {
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        case tableArray(TableArray)
    }

    private(set) var origin: Origin
    private(set) var position: TOMLPosition
    let depth: Int
    let maxDepth: Int
    private var order: [(key: String, position: TOMLPosition)] = []
    private var slots: [String: Slot] = [:]

    init(origin: Origin, position: TOMLPosition, depth: Int, maxDepth: Int) {
        self.origin = origin
        self.position = position
        self.depth = depth
        self.maxDepth = maxDepth
    }

    /// `[path]`: the table the following key/value pairs go into.
    func openTable(_ path: [TOMLKeyPart], at position: TOMLPosition) throws(TOMLSyntaxError) -> TOMLTableBuilder {
        let (parent, last) = try walkHeader(path)
        switch parent.slots[last.name] {
        case nil:
            return try parent.addTable(last, origin: .header, position: position)
        case .table(let table):
            guard table.origin == .implicit else { throw Self.error(last, "table '\(Self.name(path))' is defined twice") }
            table.origin = .header
            table.position = position
            return table
        case .tableArray:
            throw Self.error(last, "'\(Self.name(path))' is an array of tables, not a table")
        case .value:
            throw Self.error(last, "'\(Self.name(path))' is already defined as a value")
        }
    }

    /// `[[path]]`: a new table appended to the array of tables.
    func appendTable(_ path: [TOMLKeyPart], at position: TOMLPosition) throws(TOMLSyntaxError) -> TOMLTableBuilder {
        let (parent, last) = try walkHeader(path)
        switch parent.slots[last.name] {
        case nil:
            let table = try parent.child(origin: .header, position: position, for: last)
            parent.insert(last, .tableArray(TableArray(first: table, position: position)))
            return table
        case .tableArray(let array):
            let table = try parent.child(origin: .header, position: position, for: last)
            array.tables.append(table)
            return table
        case .table:
            throw Self.error(last, "'\(Self.name(path))' is a table, not an array of tables")
        case .value:
            throw Self.error(last, "cannot append to '\(Self.name(path))', already defined as a value")
        }
    }

    /// `path = value` in this table.
    func define(_ path: [TOMLKeyPart], as value: TOMLValue, section: Int) throws(TOMLSyntaxError) {
        guard let last = path.last else { throw TOMLSyntaxError(position: value.position, message: "expected a key") }
        var table = self
        for (offset, part) in path.dropLast().enumerated() {
            var sofar: String { Self.name(path.prefix(offset + 1)) }  // for messages only: joining is not free
            switch table.slots[part.name] {
            case nil:
                table = try table.addTable(part, origin: .dotted(section: section), position: part.position)
            case .table(let next):
                switch next.origin {
                case .header:
                    throw Self.error(part, "cannot add to table '\(sofar)' with a dotted key outside its [\(sofar)] section")
                case .dotted(let other) where other != section:
                    throw Self.error(part, "cannot add to table '\(sofar)' outside the section that defined it")
                case .implicit:
                    next.origin = .dotted(section: section)
                case .dotted:
                    break
                }
                table = next
            case .tableArray:
                throw Self.error(part, "cannot add to the array of tables '\(sofar)' with a dotted key")
            case .value:
                throw Self.error(part, "'\(sofar)' is already defined as a value")
            }
        }
        guard table.slots[last.name] == nil else { throw Self.error(last, "duplicate key '\(Self.name(path))'") }
        table.insert(last, .value(value))
    }

    /// The finished table, with every nested table and array of tables.
    func build() -> TOMLTable {
        var entries: [TOMLTable.Entry] = []
        entries.reserveCapacity(order.count)
        for (key, keyPosition) in order {
            let value: TOMLValue
            switch slots[key] {
            case .value(let stored): value = stored
            case .table(let table): value = TOMLValue(content: .table(table.build()), position: table.position)
            case .tableArray(let array):
                let tables = array.tables.map { TOMLValue(content: .table($0.build()), position: $0.position) }
                value = TOMLValue(content: .array(tables), position: array.position)
            case nil: continue
            }
            entries.append(TOMLTable.Entry(key: key, keyPosition: keyPosition, value: value))
        }
        return TOMLTable(entries: entries)
    }

    /// Follows a header's path to the table that holds its last part, creating implicit tables and
    /// entering the last table of an array of tables.
    private func walkHeader(_ path: [TOMLKeyPart]) throws(TOMLSyntaxError) -> (TOMLTableBuilder, TOMLKeyPart) {
        guard let last = path.last else { throw TOMLSyntaxError(position: position, message: "expected a key") }
        var table = self
        for (offset, part) in path.dropLast().enumerated() {
            switch table.slots[part.name] {
            case nil:
                table = try table.addTable(part, origin: .implicit, position: part.position)
            case .table(let next):
                table = next
            case .tableArray(let array):
                guard let latest = array.tables.last else { throw Self.error(part, "empty array of tables") }
                table = latest
            case .value:
                throw Self.error(part, "'\(Self.name(path.prefix(offset + 1)))' is already defined as a value")
            }
        }
        return (table, last)
    }

    private func addTable(_ part: TOMLKeyPart, origin: Origin, position: TOMLPosition) throws(TOMLSyntaxError) -> TOMLTableBuilder {
        let table = try child(origin: origin, position: position, for: part)
        insert(part, .table(table))
        return table
    }

    private func child(origin: Origin, position: TOMLPosition, for part: TOMLKeyPart) throws(TOMLSyntaxError) -> TOMLTableBuilder {
        guard depth < maxDepth else { throw Self.error(part, "tables nested deeper than \(maxDepth) levels") }
        return TOMLTableBuilder(origin: origin, position: position, depth: depth + 1, maxDepth: maxDepth)
    }

    private func insert(_ part: TOMLKeyPart, _ slot: Slot) {
        order.append((part.name, part.position))
        slots[part.name] = slot
    }

    private static func name(_ path: some Collection<TOMLKeyPart>) -> String {
        path.map(\.name).joined(separator: ".")
    }

    private static func error(_ part: TOMLKeyPart, _ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(position: part.position, message: message)
    }
}
