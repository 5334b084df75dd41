import DocWatchCore
import DocWatchStore

/// What one delivery attempt came to.
public enum PushResult: Sendable, Equatable {
    case delivered
    /// Not delivered; the reason is for the log (status, transport error, exit status, time limit).
    case failed(String)
}

/// Hands one event to one target: the real `PushDispatcher`, or a fake in tests.
public protocol PushSending: Sendable {
    func send(_ event: ChangeEvent, to target: NotifyTarget) async -> PushResult
}

/// Sends by the target's kind: a webhook POST or a command run.
public struct PushDispatcher: PushSending {
    public var userAgent: String
    /// The environment a command starts with (the event's variables are added).
    public var environment: [String: String]

    public init(userAgent: String, environment: [String: String]) {
        self.userAgent = userAgent
        self.environment = environment
    }

    public func send(_ event: ChangeEvent, to target: NotifyTarget) async -> PushResult {
        switch target.delivery {
        case .webhook(let url, let headers):
            await WebhookSender(userAgent: userAgent).post(event, url: url, headers: headers, timeout: target.timeout)
        case .command(let arguments):
            await CommandRunner.deliver(event, arguments: arguments, environment: environment, timeout: target.timeout)
        }
    }
}

extension PushFilter {
    /// The store's filter for `target`: its types, and its `sources` narrowed to the configured
    /// sources carrying one of its `tags` (both must hold when both are given).
    public init(target: NotifyTarget, configuredSources: [Source]) {
        var sources = target.sources
        if let tags = target.tags {
            let tagged = Set(configuredSources.filter { !tags.isDisjoint(with: $0.tags) }.map(\.id))
            sources = sources.map { $0.intersection(tagged) } ?? tagged
        }
        self.init(types: target.types, sources: sources)
    }
}
