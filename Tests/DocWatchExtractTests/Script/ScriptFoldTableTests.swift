@testable import DocWatchExtract
import Testing

@Suite("The fold table")
struct ScriptFoldTableTests {
    @Test("The fold table built from t2s's changing characters equals converting the whole block")
    func foldTable() {
        #expect(ScriptFold.ideographs == ScriptFold.fullTable())
    }
}
