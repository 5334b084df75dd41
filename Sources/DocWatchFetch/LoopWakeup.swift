import CCurl

/// Wakes the curl loop from `curl_multi_poll` when another thread hands it work: an eventfd passed to
/// the poll as an extra descriptor, or, where none could be made, `curl_multi_wakeup`.
///
/// `signal` may be called from any thread; `waitFor` and `drain` only from the loop thread.
final class LoopWakeup: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    /// The eventfd, or -1 when none could be made.
    private let descriptor: Int32

    init(multi: UnsafeMutableRawPointer) {
        self.multi = multi
        descriptor = docwatch_eventfd_open()
    }

    deinit {
        if descriptor >= 0 { docwatch_eventfd_close(descriptor) }
    }

    /// Makes the loop's current or next `waitFor` return.
    func signal() {
        if descriptor >= 0 { docwatch_eventfd_signal(descriptor) } else { curl_multi_wakeup(multi) }
    }

    /// Waits in `curl_multi_poll` for the transfers' sockets, libcurl's timers, `signal` or `timeout`
    /// milliseconds, whichever comes first; a signal is consumed before it returns.
    func waitFor(timeout: Int32) {
        guard descriptor >= 0 else {
            curl_multi_poll(multi, nil, 0, timeout, nil)
            return
        }
        var extra = curl_waitfd(fd: descriptor, events: Int16(CURL_WAIT_POLLIN), revents: 0)
        curl_multi_poll(multi, &extra, 1, timeout, nil)
        if extra.revents & Int16(CURL_WAIT_POLLIN) != 0 { docwatch_eventfd_drain(descriptor) }
    }
}
