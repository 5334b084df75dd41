@testable import DocWatchIngest
import Foundation
import Synchronization
import Testing

/// Large bodies take turns through extraction; small ones never wait.
@Suite("Large body gate")
struct LargeBodyGateTests {
    /// How many bodies are inside at once, and the most seen.
    final class Occupancy: Sendable {
        private let state = Mutex<(now: Int, most: Int)>((0, 0))
        func enter() { state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { state.withLock { $0.now -= 1 } }
        var most: Int { state.withLock { $0.most } }
    }

    @Test("large bodies run one at a time, and every one runs")
    func largeBodiesTakeTurns() async {
        let gate = LargeBodyGate()
        let occupancy = Occupancy()
        let results = await withTaskGroup(of: Int.self) { group in
            for index in 0..<6 {
                group.addTask {
                    await gate.run(bytes: LargeBodyGate.threshold) {
                        occupancy.enter()
                        usleep(20_000)
                        occupancy.leave()
                        return index
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.sorted() == Array(0..<6))
        #expect(occupancy.most == 1)
    }

    @Test("a small body passes while a large one holds the gate")
    func smallBodiesDoNotWait() async {
        let gate = LargeBodyGate()
        let holding = DispatchSemaphore(value: 0)
        let letGo = DispatchSemaphore(value: 0)
        let large = Task.detached {
            await gate.run(bytes: LargeBodyGate.threshold) {
                holding.signal()
                letGo.wait()
                return 1
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                holding.wait()
                continuation.resume()
            }
        }
        let small = await gate.run(bytes: LargeBodyGate.threshold - 1) { 2 }
        letGo.signal()
        #expect(small == 2)
        #expect(await large.value == 1)
    }
}
