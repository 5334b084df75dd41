@testable import DocWatchDaemon
import Foundation
import Testing

@Suite("Due queue")
struct DueQueueTests {
    let origin = Date(timeIntervalSince1970: 1_000_000)

    func at(_ seconds: TimeInterval) -> Date { origin.addingTimeInterval(seconds) }

    @Test("pops ids in due order, only once due")
    func popsInOrder() {
        var queue = DueQueue()
        queue.schedule("c", at: at(30))
        queue.schedule("a", at: at(10))
        queue.schedule("b", at: at(20))
        #expect(queue.popDue(now: at(5)) == nil)
        #expect(queue.nextDue() == at(10))
        #expect(queue.popDue(now: at(25)) == "a")
        #expect(queue.popDue(now: at(25)) == "b")
        #expect(queue.popDue(now: at(25)) == nil)
        #expect(queue.count == 1)
    }

    @Test("rescheduling replaces the earlier due time")
    func rescheduleReplaces() {
        var queue = DueQueue()
        queue.schedule("a", at: at(10))
        queue.schedule("a", at: at(50))
        #expect(queue.nextDue() == at(50))
        #expect(queue.popDue(now: at(20)) == nil)
        #expect(queue.due(of: "a") == at(50))
        #expect(queue.popDue(now: at(50)) == "a")
        #expect(queue.popDue(now: at(100)) == nil)
    }

    @Test("removed ids never come out")
    func removedIDs() {
        var queue = DueQueue()
        queue.schedule("a", at: at(10))
        queue.schedule("b", at: at(20))
        queue.remove("a")
        #expect(queue.nextDue() == at(20))
        #expect(queue.popDue(now: at(100)) == "b")
        #expect(queue.nextDue() == nil)
    }

    @Test("equal due times come out in the order they were scheduled")
    func tiesKeepOrder() {
        var queue = DueQueue()
        for id in ["x", "y", "z"] { queue.schedule(id, at: at(1)) }
        #expect([queue.popDue(now: at(1)), queue.popDue(now: at(1)), queue.popDue(now: at(1))] == ["x", "y", "z"])
    }

    @Test("many reschedules keep the heap small and ordered")
    func manyReschedules() {
        var queue = DueQueue()
        for round in 0..<50 {
            for index in 0..<100 { queue.schedule("s\(index)", at: at(Double(1000 - index + round))) }
        }
        #expect(queue.count == 100)
        var popped: [Date] = []
        while let id = queue.popDue(now: at(10_000)) {
            popped.append(at(Double(1000 - (Int(id.dropFirst()) ?? -1) + 49)))
        }
        #expect(popped.count == 100)
        #expect(popped == popped.sorted())
    }
}
