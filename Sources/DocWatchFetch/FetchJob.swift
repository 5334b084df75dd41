import DocWatchCore
import Foundation
import Synchronization

/// One `fetch` call on its way through the loop: the request and the caller's continuation, resumed once.
///
/// Cancellation, shutdown and completion may race from different threads; whichever comes first wins
/// and the others are ignored.
final class FetchJob: Sendable {
    /// Unchecked: the state below already resumes it exactly once, and a checked one costs an allocation per fetch.
    typealias Continuation = UnsafeContinuation<FetchResponse, any Error>

    private enum State {
        case created
        case waiting(Continuation)
        case done(Result<FetchResponse, FetchError>)
        case resumed
    }

    let request: FetchRequest
    /// The host the gate counts this job against.
    let host: String
    private let state = Mutex<State>(.created)

    init(request: FetchRequest, host: String) {
        self.request = request
        self.host = host
    }

    /// Whether the job has its result already (finished or cancelled); the loop then skips it.
    var isFinished: Bool {
        state.withLock { state in
            switch state {
            case .created, .waiting: false
            case .done, .resumed: true
            }
        }
    }

    /// Hands over the caller's continuation; resumes it at once if the job already has its result.
    func attach(_ continuation: Continuation) {
        let early: Result<FetchResponse, FetchError>? = state.withLock { state in
            if case .done(let result) = state {
                state = .resumed
                return result
            }
            state = .waiting(continuation)
            return nil
        }
        if let early { continuation.resume(with: early.mapError { $0 as any Error }) }
    }

    /// Delivers the result if none was delivered before.
    func finish(_ result: Result<FetchResponse, FetchError>) {
        let continuation: Continuation? = state.withLock { state in
            switch state {
            case .created:
                state = .done(result)
                return nil
            case .waiting(let continuation):
                state = .resumed
                return continuation
            case .done, .resumed:
                return nil
            }
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }
}
