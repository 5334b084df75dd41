/// Finds the line a key stands on in TOML text, for error messages (TOMLKit keeps no positions for keys).
///
/// A key is addressed by its table (`""` for the top level, `http`, `source`) and, for arrays of
/// tables, the index of the `[[table]]` block. Scanning is line-based: good enough for the flat
/// configs docwatch reads (no dotted keys spanning tables, no multi-line strings holding headers).
struct KeyLocator {
    private struct Block {
        var table: String
        var index: Int
        var headerLine: Int
        var keys: [String: Int] = [:]
    }

    private var blocks: [Block] = [Block(table: "", index: 0, headerLine: 1)]

    init(text: String) {
        var arrayCounts: [String: Int] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                let name = Self.headerName(line, brackets: 2)
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                blocks.append(Block(table: name, index: index, headerLine: number + 1))
            } else if line.hasPrefix("[") {
                blocks.append(Block(table: Self.headerName(line, brackets: 1), index: 0, headerLine: number + 1))
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                var key = line[..<equals].trimmingCharacters(in: .whitespaces)
                if key.count >= 2, key.first == "\"" || key.first == "'" { key = String(key.dropFirst().dropLast()) }
                if blocks[blocks.count - 1].keys[key] == nil { blocks[blocks.count - 1].keys[key] = number + 1 }
            }
        }
    }

    private static func headerName(_ line: String, brackets: Int) -> String {
        let inner = line.dropFirst(brackets)
        let end = inner.firstIndex(of: "]") ?? inner.endIndex
        return inner[..<end].trimmingCharacters(in: .whitespaces)
    }

    /// The line of `key` in the given table block; the block's header line when the key is absent.
    func line(of key: String?, table: String, index: Int = 0) -> Int {
        guard let block = blocks.first(where: { $0.table == table && $0.index == index }) else { return 1 }
        guard let key else { return block.headerLine }
        return block.keys[key] ?? block.headerLine
    }
}

import Foundation
