import Foundation
import RetrofitTestSupport
import Testing

/// Blank is not a value (issue "Trust" §2): every field type, through open, set, advance, clear and ledger import.
@Suite("Blank values, through the binary")
struct BlankValueTests {
    let folder: URL
    let cli: RetrofitProcess

    /// One field of every type required from the first stage or the second, and one of every type optional.
    static let workflow = """
        id: blank-test
        version: 1
        title: Blank values
        calendar: cn-mainland
        id_prefix: BT
        fields:
          district:  { type: enum, title: 区县, values: [德城区, 陵城区], required_from: intake }
          address:   { type: text, title: 地址, required_from: intake }
          homes:     { type: integer, title: 户数, required_from: review }
          area:      { type: decimal, title: 面积, required_from: review }
          signed_on: { type: date, title: 签订日期, required_from: review }
          consent:   { type: boolean, title: 同意, required_from: review }
          zone:      { type: enum, title: 片区, values: [东, 西] }
          permit_no: { type: text, title: 许可证号 }
          storeys:   { type: integer, title: 层数 }
          amount:    { type: decimal, title: 金额 }
          paid_on:   { type: date, title: 拨付日期 }
          verified:  { type: boolean, title: 核实 }
        stages:
          - id: intake
            title: Intake
            roles: [helper, manager]
            deadline: { working_days: 5 }
            transitions:
              - { to: review, name: accept }
          - id: review
            title: Review
            roles: [helper, manager]
            transitions:
              - { to: commissioned, name: finish }
          - id: commissioned
            title: Commissioned
            milestones: [commissioned]
            terminal: true
        """

    /// The blanks a person or a spreadsheet produces: empty, spaces, a tab, the ideographic space, a line break.
    static let blanks = ["", "   ", "\t", "\u{3000}", " \n "]

    /// Every optional field, one per type.
    static let optionalFields = ["zone", "permit_no", "storeys", "amount", "paid_on", "verified"]
    /// The fields stage 'review' requires, one per type besides text and enum.
    static let reviewFields = ["homes": "12", "area": "89.53", "signed_on": "2025-05-01", "consent": "true"]

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try Data(Self.workflow.utf8).write(to: workflows.appendingPathComponent("blank-test.yaml"))
        cli = RetrofitProcess(directory: folder, now: "2025-06-02T10:00")
    }

    func open(_ extra: [String] = [], id: String = "BT-1") throws -> RetrofitProcess.Result {
        try cli.run(["case", "open", "--workflow", "blank-test", "--id", id, "--at", "2025-05-06",
                     "--field", "district=德城区", "--field", "address=新华路12号"] + extra)
    }

    /// Whether the default database exists: a refused first command must not leave one.
    var databaseExists: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("retrofit.sqlite").path) }

    func events(_ id: String = "BT-1") throws -> [[String: Any]] {
        let result = try cli.run("case", "history", id, "--json")
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    func fields(_ id: String = "BT-1") throws -> [String: String] {
        let result = try cli.run("case", "show", id, "--json")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return json?["fields"] as? [String: String] ?? [:]
    }

    @Test("the test workflow is valid")
    func theWorkflowIsValid() throws {
        let result = try cli.run("workflow", "validate", "workflows/blank-test.yaml")
        #expect(result.status == 0, "\(result)")
    }

    @Test("open: a required text or enum field given blank is refused (exit 3), naming the field; nothing is written",
          arguments: ["address", "district"], BlankValueTests.blanks)
    func openRefusesABlankRequiredField(field: String, blank: String) throws {
        var given = ["district": "德城区", "address": "新华路12号"]
        given[field] = blank
        let result = try cli.run(["case", "open", "--workflow", "blank-test", "--id", "BT-1", "--at", "2025-05-06"]
                                 + given.sorted { $0.key < $1.key }.flatMap { ["--field", "\($0.key)=\($0.value)"] })
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.hasPrefix("error: field \(field) ("), "\(result)")
        #expect(result.stderr.contains("given blank; stage 'intake' needs it"), "\(result)")
        #expect(!databaseExists, "a refused first command left a database behind")
    }

    @Test("open: an optional field of any type given blank is refused (exit 2), naming it; nothing is written",
          arguments: BlankValueTests.optionalFields)
    func openRefusesABlankOptionalField(field: String) throws {
        let result = try open(["--field", "\(field)= "])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("error: field \(field) ("), "\(result)")
        #expect(result.stderr.contains("given blank; a blank value is not a value"), "\(result)")
        #expect(!databaseExists, "a refused first command left a database behind")
    }

    @Test("set: a blank for a required field is refused (exit 3), for an optional one too (exit 2); no event is appended",
          arguments: ["address", "district"] + BlankValueTests.optionalFields)
    func setRefusesBlanks(field: String) throws {
        #expect(try open(["--field", "permit_no=P-1"]).status == 0)
        let before = try events().count
        for blank in Self.blanks {
            let result = try cli.run("case", "set", "BT-1", "--field", "\(field)=\(blank)", "--at", "2025-05-07")
            #expect(result.status == (["address", "district"].contains(field) ? 3 : 2), "\(result)")
            #expect(result.stderr.hasPrefix("error: field \(field) ("), "\(result)")
        }
        #expect(try events().count == before)
        #expect(try fields()["address"] == "新华路12号")
        #expect(try fields()["permit_no"] == "P-1")
    }

    @Test("advance: a field the next stage needs given blank is refused (exit 3) for every type; no event; given, the case moves",
          arguments: BlankValueTests.reviewFields.keys.sorted())
    func advanceRefusesABlankRequiredField(field: String) throws {
        #expect(try open().status == 0)
        var given = Self.reviewFields
        given[field] = " "
        let arguments = given.sorted { $0.key < $1.key }.flatMap { ["--field", "\($0.key)=\($0.value)"] }
        let refused = try cli.run(["case", "advance", "BT-1", "--at", "2025-05-07"] + arguments)
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.hasPrefix("error: field \(field) ("), "\(refused)")
        #expect(refused.stderr.contains("stage 'review' needs it"), "\(refused)")
        #expect(try events().count == 1)

        let moved = try cli.run(["case", "advance", "BT-1", "--at", "2025-05-07"]
                                + Self.reviewFields.sorted { $0.key < $1.key }.flatMap { ["--field", "\($0.key)=\($0.value)"] })
        #expect(moved.status == 0, "\(moved)")
        #expect(try events().count == 2)
    }

    @Test("advance: an optional field given blank is refused (exit 2); it never unsets a value")
    func advanceRefusesABlankOptionalField() throws {
        #expect(try open(["--field", "amount=100"]).status == 0)
        let arguments = Self.reviewFields.sorted { $0.key < $1.key }.flatMap { ["--field", "\($0.key)=\($0.value)"] }
        let refused = try cli.run(["case", "advance", "BT-1", "--at", "2025-05-07", "--field", "amount=\u{3000}"] + arguments)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.hasPrefix("error: field amount ("), "\(refused)")
        #expect(try events().count == 1)
        #expect(try fields()["amount"] == "100")
    }

    @Test("clearing an optional field is its own event: fields-cleared, kept in the hash chain and rebuilt the same")
    func clearingIsAnExplicitEvent() throws {
        #expect(try open(["--field", "amount=100", "--field", "paid_on=2025-05-01"]).status == 0)
        let cleared = try cli.run("case", "set", "BT-1", "--clear", "amount", "--clear", "paid_on", "--note", "金额待复核", "--at", "2025-05-07")
        #expect(cleared.status == 0, "\(cleared)")
        #expect(cleared.stdout == "BT-1: cleared amount, paid_on (version 2)\n")
        let last = try events().last
        #expect(last?["type"] as? String == "fields-cleared")
        let payload = last?["payload"] as? [String: Any]
        #expect(payload?["fields"] as? [String] == ["amount", "paid_on"])
        #expect(payload?["note"] as? String == "金额待复核")
        #expect(try fields()["amount"] == nil)
        #expect(try fields()["paid_on"] == nil)
        #expect(try cli.run("case", "history", "BT-1").stdout.contains("cleared amount, paid_on — 金额待复核"))
        #expect(try cli.run("audit", "verify").status == 0)
        let rebuilt = try cli.run("admin", "rebuild", "--check")
        #expect(rebuilt.status == 0, "\(rebuilt)")
    }

    @Test("clearing is refused for a required field (exit 3), a field not set and an unknown field (exit 2), and beside --field (64)")
    func clearingRefusals() throws {
        #expect(try open().status == 0)
        let required = try cli.run("case", "set", "BT-1", "--clear", "address", "--at", "2025-05-07")
        #expect(required.status == 3, "\(required)")
        #expect(required.stderr == "error: field address (地址) is required from stage 'intake'; case BT-1 is in 'intake', so it cannot be cleared\n")
        let notSet = try cli.run("case", "set", "BT-1", "--clear", "amount", "--at", "2025-05-07")
        #expect(notSet.status == 2, "\(notSet)")
        #expect(notSet.stderr == "error: field amount (金额) is not set on case BT-1; there is nothing to clear\n")
        let unknown = try cli.run("case", "set", "BT-1", "--clear", "amont", "--at", "2025-05-07")
        #expect(unknown.status == 2, "\(unknown)")
        #expect(unknown.stderr.hasPrefix("error: unknown field 'amont' (did you mean 'amount'?)"), "\(unknown)")
        let both = try cli.run("case", "set", "BT-1", "--clear", "amount", "--field", "permit_no=P-1")
        #expect(both.status == 64, "\(both)")
        #expect(try events().count == 1)
    }

    @Test("ledger import: a blank cell of any type is not set; a blank required cell is a row problem and nothing is imported")
    func ledgerImportTreatsBlankCellsAsNotSet() throws {
        let header = "id,district,address,homes,area,signed_on,consent,zone,permit_no,storeys,amount,paid_on,verified,stage,entered\n"
        let optionalBlank = "BT-9,德城区,新华路9号,12,89.53,2025-05-01,true, ,\u{3000}, ,\t, ,  ,review,2025-05-06\n"
        let requiredBlank = "BT-8,德城区,\u{3000},,89.53, ,true,东,,,,,,review,2025-05-06\n"
        let requiredBlankOtherTypes = "BT-7, ,新华路7号,12,\t,2025-05-01,\u{3000},,,,,,,review,2025-05-06\n"
        try Data((header + optionalBlank + requiredBlank + requiredBlankOtherTypes).utf8).write(to: folder.appendingPathComponent("cases.csv"))
        let refused = try cli.run("import", "cases.csv", "--workflow", "blank-test")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("cases.csv:3:3: stage 'review' needs field address (地址), which is empty"), "\(refused)")
        #expect(refused.stderr.contains("cases.csv:3:4: stage 'review' needs field homes (户数), which is empty"), "\(refused)")
        #expect(refused.stderr.contains("cases.csv:3:6: stage 'review' needs field signed_on (签订日期), which is empty"), "\(refused)")
        #expect(refused.stderr.contains("cases.csv:4:2: stage 'review' needs field district (区县), which is empty"), "\(refused)")
        #expect(refused.stderr.contains("cases.csv:4:5: stage 'review' needs field area (面积), which is empty"), "\(refused)")
        #expect(refused.stderr.contains("cases.csv:4:7: stage 'review' needs field consent (同意), which is empty"), "\(refused)")
        // Nothing imported: not even the good row (the database is not created).
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("retrofit.sqlite").path))

        try Data((header + optionalBlank).utf8).write(to: folder.appendingPathComponent("cases.csv"))
        let imported = try cli.run("import", "cases.csv", "--workflow", "blank-test")
        #expect(imported.status == 0, "\(imported)")
        #expect(try fields("BT-9") == ["district": "德城区", "address": "新华路9号", "homes": "12", "area": "89.53",
                                       "signed_on": "2025-05-01", "consent": "true"])
    }
}
