import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitTestSupport
import Testing

@Suite("Ledger import: checking rows")
struct LedgerImportPlanTests {
    static let header = "id,workflow,address,district,community,building,unit,homes,floors,stage,entered,entered:intake,entered:helper-assignment,helper,priority,difficulty"
    static let fields = "德州市德城区新华路1号,德城区,新华小区,1,2,12,6"

    private func plan(_ lines: [String], workflow: String? = nil, now: String = "2025-06-30T10:00") throws -> LedgerImportPlan {
        let records = try LedgerCSV.read(Data(lines.joined(separator: "\n").utf8), file: "l.csv")
        let catalog = LedgerFixtures.catalog
        return LedgerImportPlan.make(records: records, file: "l.csv", source: "l.csv", sha256: "abc", defaultWorkflow: workflow,
                                     now: LedgerFixtures.time(now), lookup: { try catalog.load($0) })
    }

    private func problems(_ lines: [String], workflow: String? = nil) throws -> [String] {
        let result = try plan(lines, workflow: workflow)
        #expect(result.problems == result.problems.sorted(), "problems come in row and column order")
        return result.problems.map(\.description)
    }

    @Test("a valid row becomes a case with its stage dates in order and its fields in canonical form")
    func validRow() throws {
        let result = try plan([Self.header, "A-1,elevator-retrofit,\(Self.fields),consultation,2025-03-01,2025-01-06,2025-02-03,李娜,urgent,easy"])
        #expect(result.problems.isEmpty)
        let ledgerCase = try #require(result.cases.first)
        #expect(ledgerCase.row == 2)
        #expect(ledgerCase.caseID == "A-1")
        #expect(ledgerCase.occurredAt == LedgerFixtures.time("2025-03-01"))
        #expect(ledgerCase.event.stageDates.map(\.stage) == ["intake", "helper-assignment", "consultation"])
        #expect(ledgerCase.event.stageDates.map(\.entered.description) == ["2025-01-06", "2025-02-03", "2025-03-01"])
        #expect(ledgerCase.event.fields["homes"] == "12")
        #expect(ledgerCase.event.helper == "李娜")
        #expect(ledgerCase.event.priority == .urgent)
        #expect(ledgerCase.event.difficulty == .easy)
        #expect(ledgerCase.event.source == "l.csv")
        #expect(ledgerCase.event.row == 2)
    }

    @Test("header problems: missing, duplicate, unnamed and unknown columns")
    func headerProblems() throws {
        #expect(try problems(["id,stage,entered"]) == [
            "l.csv:1:1: the header has no 'workflow' column; columns needed: id, workflow, stage, entered",
        ])
        #expect(try plan(["id,stage,entered"]).problems.map(\.hints) == [[.giveInstead(.workflow)]])
        #expect(try problems(["id,stage,entered,stage,"], workflow: "elevator-retrofit") == [
            "l.csv:1:4: column 'stage' appears twice (also column 2)",
            "l.csv:1:5: column 5 has no name; name it or delete it",
        ])
        let unknown = try problems(["id,stage,entered,adress,entered:desgin", "A-1,intake,2025-01-02,x,"], workflow: "elevator-retrofit")
            .filter { $0.hasPrefix("l.csv:1:") }
        #expect(unknown.count == 2)
        #expect(unknown[0].hasPrefix("l.csv:1:4: unknown column 'adress': no field of workflow elevator-retrofit has that name (did you mean 'address'?)"))
        #expect(unknown[1] == "l.csv:1:5: unknown column 'entered:desgin': workflow elevator-retrofit has no stage 'desgin' (did you mean 'design'?)")
        #expect(try problems([]) == ["l.csv:1:1: the file is empty; the first row must name the columns (id, workflow, stage, entered, fields…)"])
    }

    @Test("every problem of a row is reported at its own column")
    func rowProblems() throws {
        let found = try problems([
            Self.header,
            "bad id!,elevator-retrofit,\(Self.fields),consultation,2025-03-01,,,,,",
            "A-2,nowhere,\(Self.fields),consultation,2025-03-01,,,,,",
            "A-3,elevator-retrofit,x,外星区,c,1,2,12.5,6,consultation,2025-3-1,,,,soon,hard",
            "A-4,elevator-retrofit,x,德城区,c,1,2,12,6,design,2025-05-01,,,,,",
        ])
        #expect(found.contains("l.csv:2:1: case id 'bad id!' is not valid; use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"))
        #expect(found.contains { $0.hasPrefix("l.csv:3:2: unknown workflow 'nowhere'") })
        #expect(found.contains { $0.hasPrefix("l.csv:4:4: field district=外星区 is not valid") })
        #expect(found.contains { $0.hasPrefix("l.csv:4:8: field homes=12.5 is not valid: expected a whole number") })
        #expect(found.contains("l.csv:4:11: entered '2025-3-1' is not a date; expected YYYY-MM-DD"))
        #expect(found.contains("l.csv:4:15: priority 'soon' is not one of: urgent, normal"))
        #expect(found.contains("l.csv:5:10: stage 'design' needs field implementing_entity (实施主体 / Implementing entity), which is empty; add a 'implementing_entity' column"))
        #expect(found.contains { $0.hasPrefix("l.csv:5:10: stage 'design' needs field agreement_signed_on") })
    }

    @Test("duplicate ids name the first row; extra cells are an error; blank lines are ignored")
    func duplicatesAndShapes() throws {
        let result = try plan([
            Self.header,
            "A-1,elevator-retrofit,\(Self.fields),intake,2025-01-02,,,,,",
            "",
            "A-1,elevator-retrofit,\(Self.fields),intake,2025-01-03,,,,,",
            "A-2,elevator-retrofit,\(Self.fields),intake,2025-01-03,,,,,,extra",
            "A-3,elevator-retrofit,\(Self.fields),intake,2025-01-03",
        ])
        #expect(result.problems.map(\.description) == [
            "l.csv:4:1: case id 'A-1' is also on row 2; each case appears once",
            "l.csv:5:17: the row has 17 cells but the header names 16 columns; is a comma missing its quotes?",
        ])
        #expect(result.rowCount == 4)
        #expect(result.cases.map(\.caseID) == ["A-1", "A-3"])
    }

    @Test("stage dates must increase and must not be in the future")
    func stageDates() throws {
        let found = try problems([
            Self.header,
            "A-1,elevator-retrofit,\(Self.fields),consultation,2025-03-01,2025-03-05,,,,",
            "A-2,elevator-retrofit,\(Self.fields),consultation,2025-03-01,2025-02-10,2025-02-01,,,",
            "A-3,elevator-retrofit,\(Self.fields),consultation,2025-07-01,2025-01-02,,,,",
            "A-4,elevator-retrofit,\(Self.fields),helper-assignment,2025-03-01,2025-03-01,2025-02-01,,,",
        ])
        #expect(found == [
            "l.csv:2:12: entered:intake 2025-03-05 is after entered 2025-03-01, the day the case entered its current stage 'consultation'; stage dates must increase",
            "l.csv:3:13: entered:helper-assignment 2025-02-01 is before entered:intake 2025-02-10, an earlier stage of the procedure; stage dates must increase",
            "l.csv:4:11: entered 2025-07-01 is in the future (today is 2025-06-30); dates cannot be ahead of the clock",
            "l.csv:5:13: entered:helper-assignment 2025-02-01 differs from entered 2025-03-01, the day the case entered its current stage 'helper-assignment'",
        ])
    }

    @Test("--workflow fills empty cells and refuses a row naming another workflow")
    func defaultWorkflow() throws {
        let result = try plan([
            Self.header,
            "A-1,,\(Self.fields),intake,2025-01-02,,,,,",
            "A-2,elevator-renewal,\(Self.fields),intake,2025-01-02,,,,,",
        ], workflow: "elevator-retrofit")
        #expect(result.cases.map(\.workflow.id) == ["elevator-retrofit"])
        #expect(result.problems.map(\.description) == [
            "l.csv:3:2: the row names workflow 'elevator-renewal' but the import is for workflow elevator-retrofit; leave the cell empty or import without a workflow",
        ])
        #expect(result.problems.map(\.hints) == [[.contradicts(InputArgument(.workflow, "elevator-retrofit"), found: "elevator-renewal")]])
    }

    @Test("a protected cell has its apostrophe taken off before it is checked")
    func apostropheRestored() throws {
        let result = try plan(["id,workflow,address,district,community,building,unit,homes,floors,stage,entered,helper",
                               "A-1,elevator-retrofit,'=1+1,德城区,c,1,2,12,'-6,intake,2025-01-02,''@me"])
        #expect(result.problems.isEmpty)
        #expect(result.cases.first?.event.fields["address"] == "=1+1")
        #expect(result.cases.first?.event.fields["floors"] == "-6")
        #expect(result.cases.first?.event.helper == "'@me")
    }
}
