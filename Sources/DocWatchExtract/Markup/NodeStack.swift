/// The finished nodes of every open element, end to end: an element's children are the top of the
/// stack from where they started, moved out (no retain or release) into one exactly sized array
/// when the element ends.
///
/// Its memory is managed by hand; `release()` frees it and whatever it still holds.
struct NodeStack {
    private var base: UnsafeMutablePointer<HTMLNode>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    /// The node on top.
    var last: HTMLNode? { count > 0 ? base[count - 1] : nil }

    mutating func push(_ node: HTMLNode) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// The nodes from `start` to the top, in order, taken off the stack.
    mutating func pop(from start: Int) -> [HTMLNode] {
        let taken = count - start
        guard taken > 0 else { return [] }
        count = start
        return [HTMLNode](unsafeUninitializedCapacity: taken) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            target.moveInitialize(from: base + start, count: taken)
            initialized = taken
        }
    }

    func release() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<HTMLNode>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
