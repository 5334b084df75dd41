import DocWatchCore
import Foundation
import Testing

@Suite("Retention policy")
struct RetentionPolicyTests {
    struct VersionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var numbers: [Int]
        var current: Int?
        var keep: Int
        var deleted: [Int]
        var testDescription: String { name }
    }

    @Test("which versions of a document go", arguments: [
        VersionCase(name: "keep 2 of 5: the three oldest go", numbers: [1, 2, 3, 4, 5], current: 5, keep: 2, deleted: [1, 2, 3]),
        VersionCase(name: "fewer than keep: none go", numbers: [1, 2], current: 2, keep: 3, deleted: []),
        VersionCase(name: "order of input does not matter", numbers: [3, 1, 2], current: 3, keep: 1, deleted: [1, 2]),
        VersionCase(name: "an older current version stays", numbers: [1, 2, 3, 4], current: 1, keep: 2, deleted: [2]),
        VersionCase(name: "keep below 1 is treated as 1", numbers: [1, 2], current: 2, keep: 0, deleted: [1]),
        VersionCase(name: "gaps from an earlier prune", numbers: [4, 5, 9], current: 9, keep: 2, deleted: [4]),
    ])
    func versions(_ test: VersionCase) {
        #expect(RetentionPolicy.versionsToDelete(numbers: test.numbers, current: test.current, keep: test.keep) == test.deleted)
    }

    static let now = Date(timeIntervalSince1970: 1_786_000_000) // 2026-08-06T06:13:20Z

    @Test("a day's change file goes once the whole day is older than the cutoff, never the newest")
    func expiredDays() {
        let cutoff = RetentionPolicy.cutoff(keep: 2 * 86_400, now: Self.now) // 2026-08-04T06:13:20Z
        let days = ["2026-08-01", "2026-08-02", "2026-08-03", "2026-08-04", "2026-08-06"]
        #expect(RetentionPolicy.expiredDays(days, cutoff: cutoff) == ["2026-08-01", "2026-08-02", "2026-08-03"])
    }

    @Test("the newest file stays even when every day is old; nil keep keeps all")
    func newestStays() {
        let cutoff = RetentionPolicy.cutoff(keep: 86_400, now: Self.now)
        #expect(RetentionPolicy.expiredDays(["2025-01-01", "2025-01-02"], cutoff: cutoff) == ["2025-01-01"])
        #expect(RetentionPolicy.expiredDays(["2025-01-01", "2025-01-02"], cutoff: nil).isEmpty)
        #expect(RetentionPolicy.cutoff(keep: nil, now: Self.now) == nil)
    }

    @Test("names that are not a date never match", arguments: ["2026-13-01", "2026-02-30", "26-01-01", "2026-1-01", "x"])
    func badDays(day: String) {
        #expect(RetentionPolicy.dayStart(day) == nil)
        #expect(RetentionPolicy.expiredDays([day, "2026-08-06"], cutoff: Self.now).isEmpty)
    }
}
