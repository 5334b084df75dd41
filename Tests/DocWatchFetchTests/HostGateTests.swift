import Testing
@testable import DocWatchFetch

@Suite("HostGate")
struct HostGateTests {
    @Test("admits up to per_host transfers to one host, then says full")
    func perHostCap() {
        var gate = HostGate(concurrency: 10, perHost: 2, hostDelay: 0)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "a", now: 0) == .full)
        #expect(gate.admit(host: "b", now: 0) == .start)
    }

    @Test("admits up to concurrency transfers overall, whatever the hosts")
    func overallCap() {
        var gate = HostGate(concurrency: 2, perHost: 5, hostDelay: 0)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "b", now: 0) == .start)
        #expect(gate.admit(host: "c", now: 0) == .full)
    }

    @Test("a finished transfer frees its slot")
    func finishedFreesSlot() {
        var gate = HostGate(concurrency: 1, perHost: 1, hostDelay: 0)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "a", now: 1) == .full)
        gate.finished(host: "a")
        #expect(gate.running == 0)
        #expect(gate.admit(host: "a", now: 1) == .start)
    }

    @Test("the next start to a host waits for host_delay after the previous start")
    func hostDelay() {
        var gate = HostGate(concurrency: 10, perHost: 10, hostDelay: 1.5)
        #expect(gate.admit(host: "a", now: 10) == .start)
        #expect(gate.admit(host: "a", now: 10.5) == .notBefore(11.5))
        #expect(gate.admit(host: "b", now: 10.5) == .start)
        #expect(gate.admit(host: "a", now: 11.5) == .start)
        #expect(gate.admit(host: "a", now: 12) == .notBefore(13))
    }

    @Test("the delay counts from the start, not the end, of the previous transfer")
    func delayFromStart() {
        var gate = HostGate(concurrency: 10, perHost: 1, hostDelay: 2)
        #expect(gate.admit(host: "a", now: 0) == .start)
        gate.finished(host: "a")
        #expect(gate.admit(host: "a", now: 1.9) == .notBefore(2))
        #expect(gate.admit(host: "a", now: 2) == .start)
    }

    @Test("a full host is reported full before its delay")
    func fullBeforeDelay() {
        var gate = HostGate(concurrency: 10, perHost: 1, hostDelay: 5)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "a", now: 1) == .full)
    }

    @Test("idle hosts are forgotten once their delay has passed, busy ones are kept")
    func forgetsIdleHosts() {
        var gate = HostGate(concurrency: 10, perHost: 10, hostDelay: 1)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "b", now: 0) == .start)
        gate.finished(host: "a")
        gate.forgetIdleHosts(now: 0.5)
        #expect(gate.admit(host: "a", now: 0.5) == .notBefore(1))
        gate.forgetIdleHosts(now: 5)
        #expect(gate.admit(host: "a", now: 5) == .start)
        #expect(gate.running(to: "b") == 1)
    }

    @Test("caps below one are treated as one")
    func clampsCaps() {
        var gate = HostGate(concurrency: 0, perHost: -3, hostDelay: -1)
        #expect(gate.admit(host: "a", now: 0) == .start)
        #expect(gate.admit(host: "a", now: 0) == .full)
    }
}
