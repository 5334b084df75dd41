@testable import DocWatchIngest
import DocWatchStore
import Testing

@Suite("Ingest: document states read ahead")
struct KnownDocumentStatesTests {
    @Test("each URL read is handed out once (nothing stored reads as known-absent); an unread URL is not known")
    func takenOnce() throws {
        let database = try DocWatchDatabase.inMemory()
        let known = try KnownDocumentStates(reading: ["https://gov.example/a.html"], from: database)
        let first = known.take("https://gov.example/a.html")
        #expect(first != nil && first! == nil)
        #expect(known.take("https://gov.example/a.html") == nil)
        #expect(known.take("https://gov.example/b.html") == nil)
    }
}
