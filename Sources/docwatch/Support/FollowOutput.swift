import Foundation

/// Standard output for commands that keep printing (`--follow`): stdout is block-buffered when it
/// is a pipe, so each batch of records is flushed as soon as it is printed (`… --follow | jq`).
enum FollowOutput {
    static func flush() {
        fflush(nil)
    }
}
