import RetrofitCore
import Testing

@Suite("Suggestions for names that match nothing")
struct NameSuggestionTests {
    @Test("edit distance counts characters, so one Chinese character is one edit", arguments: [
        ("李那", "李娜", 1), ("德城", "德城区", 1), ("consultaton", "consultation", 1), ("", "abc", 3), ("abc", "", 3),
        ("kitten", "sitting", 3), ("same", "same", 0), ("é", "e", 1),
    ])
    func editDistance(first: String, second: String, distance: Int) {
        #expect(NameSuggestion.editDistance(first, second) == distance)
        #expect(NameSuggestion.editDistance(second, first) == distance)
    }

    @Test("the closest names are those at the fewest edits, within two edits or a third of the word")
    func closestNames() {
        let districts = ["德城区", "陵城区", "禹城市", "乐陵市"]
        #expect(NameSuggestion.closest(to: "德城", among: districts) == ["德城区"])
        #expect(NameSuggestion.closest(to: "X城区", among: districts) == ["德城区", "陵城区"])
        #expect(NameSuggestion.closest(to: "completely-different", among: districts).isEmpty)
        #expect(NameSuggestion.closest(to: "consultaton", among: ["intake", "consultation", "design"]) == ["consultation"])
        #expect(NameSuggestion.closest(to: "a", among: ["b", "c", "d", "e"], limit: 3) == ["b", "c", "d"])
        #expect(NameSuggestion.closest(to: "same", among: ["same"]).isEmpty)
    }

    @Test("an unknown name is refused as bad input naming it, the closest names and the known ones")
    func knownNamesCheck() throws {
        let stages = KnownNames("stage", names: ["intake", "consultation", "design", "consultation"])
        #expect(stages.names == ["intake", "consultation", "design"])
        try stages.check("design")
        #expect(throws: Rejection(.invalidInput, "unknown stage 'consultaton' (did you mean consultation?); known stages: intake, consultation, design",
                                  hints: [.closestNames(["consultation"])])) {
            try stages.check("consultaton")
        }
        #expect(throws: Rejection(.invalidInput, "unknown stage 'zzz'; known stages: intake, consultation, design")) {
            try stages.check("zzz")
        }
        // Nothing known: nothing to check against.
        try KnownNames("district", names: []).check("德城")
    }
}
