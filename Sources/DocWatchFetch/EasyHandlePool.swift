import CCurl
import Synchronization

/// Easy handles kept between transfers, so a thousand polls allocate a handful instead of a thousand:
/// a finished transfer's handle is `curl_easy_reset` (every option back to its default) and the next
/// transfer takes it. Connections and DNS entries live in the multi handle either way.
///
/// Loop thread only, except `made`, which tests read.
final class EasyHandlePool {
    private var idle: [UnsafeMutableRawPointer] = []
    /// How many idle handles are kept; more are freed (`concurrency`: no more run at once).
    private let capacity: Int
    /// How many handles `take` has had to make.
    let made = Atomic<Int>(0)

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    deinit {
        removeAll()
    }

    /// An idle handle, or a new one; nil when libcurl cannot make one.
    func take() -> UnsafeMutableRawPointer? {
        if let handle = idle.popLast() { return handle }
        made.add(1, ordering: .relaxed)
        return curl_easy_init()
    }

    /// Takes back the handle of a transfer that is over (not, or no longer, in the multi handle).
    /// Only the handle of a transfer libcurl finished is kept: starting one consumed its one-time
    /// settings (the cookie file list); any other is freed. A kept handle leaves its cookie jar's share
    /// first, since `curl_easy_reset` keeps shares and the next transfer may be another source's.
    func giveBack(_ handle: UnsafeMutableRawPointer, finished: Bool, usedCookies: Bool) {
        guard finished, idle.count < capacity,
              !usedCookies || docwatch_easy_setopt_pointer(handle, CURLOPT_SHARE, nil) == CURLE_OK
        else { return curl_easy_cleanup(handle) }
        curl_easy_reset(handle)
        idle.append(handle)
    }

    /// Frees the idle handles (before the multi handle goes).
    func removeAll() {
        idle.forEach(curl_easy_cleanup)
        idle = []
    }
}
