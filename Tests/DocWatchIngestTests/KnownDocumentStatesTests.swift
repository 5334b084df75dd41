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
        #expect(first?.canonical == "https://gov.example/a.html" && first?.state == nil)
        #expect(known.take("https://gov.example/a.html") == nil)
        #expect(known.take("https://gov.example/b.html") == nil)
    }

    @Test("a URL is known by the form it is polled in, with its canonical form; of two with one canonical form only the first")
    func keyedByPolledURL() throws {
        let database = try DocWatchDatabase.inMemory()
        let known = try KnownDocumentStates(
            reading: ["HTTPS://Gov.Example/a.html#top", "https://gov.example/a.html"], from: database)
        #expect(known.take("HTTPS://Gov.Example/a.html#top")?.canonical == "https://gov.example/a.html")
        // The second polls after the first has written its state, so it reads the store.
        #expect(known.take("https://gov.example/a.html") == nil)
    }
}
