import RetrofitCore
import RetrofitStore
import Testing

@Suite("Store errors name no flag; their hints say what to do")
struct StoreErrorHintTests {
    @Test("each error's sentence, and its hints", arguments: [
        (StoreError.noDatabase(path: "/data/r.db"), "no database at /data/r.db",
         [InputHint.createBy([SuggestedOperation(.openCase), SuggestedOperation(.generateDemo, [InputArgument(.database, "/data/r.db")])]), .giveInstead(.database)]),
        (.notSQLite(path: "/data/r.db"), "/data/r.db is not a SQLite database", [.give(.database)]),
        (.notRetrofit(path: "/data/r.db"), "/data/r.db is a SQLite database of another program, not a retrofit database", [.giveAnother(.database)]),
        (.corrupt("page 3 is broken"), "the database is damaged: page 3 is broken", [.run(SuggestedOperation(.checkDatabase))]),
        (.unreadableState(caseID: "C-1", problem: "bad JSON"), "the database is damaged: the stored state of case C-1 cannot be read (bad JSON)",
         [.run(SuggestedOperation(.rebuildProjections)), .run(SuggestedOperation(.checkDatabase))]),
        (.unreadableState(caseID: "C-1", problem: nil), "the database is damaged: the stored state of case C-1 cannot be read",
         [.run(SuggestedOperation(.rebuildProjections)), .run(SuggestedOperation(.checkDatabase))]),
        (.unknownCase("C-9"), "case C-9 does not exist", []),
    ])
    func sentenceAndHints(error: StoreError, message: String, hints: [InputHint]) {
        #expect(error.message == message)
        #expect(error.description == message)
        #expect(!error.message.contains("--") && !error.message.contains("'retrofit "))
        #expect(error.hints == hints)
    }
}
