import CCurl
import DocWatchCore
import Foundation

/// Turns a libcurl result code into the `FetchError` an operator reads.
enum CurlErrorMapping {
    /// What the transfer knew when it failed, for the cases whose message needs it.
    struct Context: Sendable {
        /// The URL the failure concerns: a refused redirect target, else the last URL tried.
        var url: String
        /// Whether a connection was made (a timeout before that is the connect timeout).
        var connected: Bool
        var settings: HTTPSettings
        /// Whether the failure came after the status line and before the header block's end.
        var inHeaders = false
    }

    /// The error for a failed transfer; `message` is libcurl's text for it.
    static func error(for code: CURLcode, message: String, context: Context) -> FetchError {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .protocolNotAllowed(context.url)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(context.url)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolve(message)
        // libcurl refuses a header line past 100 KiB as "Out of memory", and a header block past
        // 300 KiB as a receive error "Too large response headers".
        case CURLE_OUT_OF_MEMORY where context.inHeaders:
            return .headerTooLarge
        case CURLE_RECV_ERROR where message.hasPrefix("Too large response header"):
            return .headerTooLarge
        case CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            return .connectionFailed(message)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(seconds: context.connected ? context.settings.timeout : context.settings.connectTimeout)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(limit: context.settings.maxRedirects)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(limit: context.settings.maxBody)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tls(message)
        default:
            return .transfer(code: Int(code.rawValue), message: message)
        }
    }
}
