import Foundation

/// Source ids ordered by due time: a binary min-heap with lazy removal.
///
/// Rescheduling or removing a source bumps its generation; heap entries of an older generation are
/// skipped when they reach the top, so both are O(log n) and the heap never needs searching.
struct DueQueue: Sendable {
    private struct Entry: Sendable {
        var due: Date
        var order: UInt64
        var id: String
        var generation: UInt64

        func precedes(_ other: Entry) -> Bool {
            due != other.due ? due < other.due : order < other.order
        }
    }

    private var heap: [Entry] = []
    /// The live generation and due time of every scheduled id.
    private var scheduled: [String: (generation: UInt64, due: Date)] = [:]
    private var counter: UInt64 = 0

    /// How many ids are scheduled.
    var count: Int { scheduled.count }

    /// The due time of `id`, if it is scheduled.
    func due(of id: String) -> Date? { scheduled[id]?.due }

    /// Schedules `id` at `due`, replacing any earlier schedule of it.
    mutating func schedule(_ id: String, at due: Date) {
        counter += 1
        scheduled[id] = (counter, due)
        push(Entry(due: due, order: counter, id: id, generation: counter))
    }

    /// Unschedules `id`.
    mutating func remove(_ id: String) {
        scheduled[id] = nil
    }

    /// The earliest due time, if any id is scheduled.
    mutating func nextDue() -> Date? {
        dropStale()
        return heap.first?.due
    }

    /// Takes the earliest id if it is due at `now`.
    mutating func popDue(now: Date) -> String? {
        dropStale()
        guard let top = heap.first, top.due <= now else { return nil }
        popTop()
        scheduled[top.id] = nil
        return top.id
    }

    private func isLive(_ entry: Entry) -> Bool {
        scheduled[entry.id]?.generation == entry.generation
    }

    private mutating func dropStale() {
        while let top = heap.first, !isLive(top) { popTop() }
        // Stale entries deep in the heap are dropped when the heap has grown to twice the live count.
        if heap.count > 64 && heap.count > 2 * scheduled.count { rebuild() }
    }

    private mutating func rebuild() {
        let live = heap.filter(isLive)
        heap = []
        heap.reserveCapacity(live.count)
        live.forEach { push($0) }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count && heap[left].precedes(heap[first]) { first = left }
            if right < heap.count && heap[right].precedes(heap[first]) { first = right }
            if first == parent { return }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}
