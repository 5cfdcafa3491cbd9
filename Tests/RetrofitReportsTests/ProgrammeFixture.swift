import Foundation
import RetrofitCore

/// The programme fixture: seven elevator-retrofit cases in 2024–2025, reports made on 2025-12-15.
///
/// | case | district | helper | story |
/// |---|---|---|---|
/// | ER-2025-0001 | 德城区 | 李娜 | full path; suspended for mediation 2025-02-03..02-17 (over the Spring Festival); joint review rejects once (design and public notice visited twice); commissioned 2025-09-26 (before National Day); subsidy paid, closed |
/// | ER-2025-0002 | 陵城区 | 王强 | address with quotes and a comma; acceptance record empty; registration code the same as 0001's; inspected 2025-07-05 but commissioned 2025-06-30, that event recorded 2025-08-09 (40 days late) |
/// | ER-2025-0003 | 德城区 | 李娜 | in consultation since 2025-10-13 |
/// | ER-2025-0004 | 禹城市 | 王强 | in construction, suspended (litigation) since 2025-11-03 |
/// | ER-2025-0005 | 德城区 | none | intake since 2025-12-12 |
/// | ER-2025-0006 | 齐河县 | 李娜 | withdrawn in consultation on 2025-06-02 |
/// | ER-2024-0001 | 德城区 | 李娜 | commissioned 2024-11-20 (over the May Day holiday in public notice), closed 2025-01-15 |
extension ReportFixture {
    static let reportDay = "2025-12-15"

    static func programme() async throws -> ReportFixture {
        let fixture = try ReportFixture()
        try await fixture.caseA()
        try await fixture.caseB()
        try await fixture.caseC()
        try await fixture.caseD()
        try await fixture.caseE()
        try await fixture.caseF()
        try await fixture.caseG()
        // RETROFIT_KEEP_FIXTURE=/tmp/programme.sqlite keeps a copy, e.g. to run the CLI on it for docs/reports.md.
        if let path = ProcessInfo.processInfo.environment["RETROFIT_KEEP_FIXTURE"], !FileManager.default.fileExists(atPath: path) {
            try fixture.store.backup(to: path)
        }
        return fixture
    }

    private func caseA() async throws {
        let id = "ER-2025-0001"
        try await open(id, fields: ReportFixture.intake(address: "德州市德城区新华路12号", district: "德城区", community: "新华小区",
                                                    building: "3", unit: "2", homes: 4), helper: "李娜", at: "2025-01-06T09:00")
        try await advance(id, at: "2025-01-08T10:00")
        try await advance(id, at: "2025-01-09T10:00")
        try await run(.suspend(reason: .mediation, note: "一楼业主反对，转人民调解"), id, at: "2025-02-03T09:00")
        try await run(.resume(note: "调解成功"), id, at: "2025-02-17T09:00")
        try await vote(id, at: "2025-02-20T15:00", [("101", 1, "80.00", "张伟", .object), ("201", 2, "80.00", "王芳", .agree),
                                             ("301", 3, "80.00", "李强", .agree), ("401", 4, "80.00", "赵敏", .agree)])
        try await advance(id, at: "2025-02-24T10:00", fields: ["implementing_entity": "新华小区业主委员会", "agreement_signed_on": "2025-02-21"])
        try await advance(id, at: "2025-03-03T10:00", fields: ["design_scheme_no": "SJ-2025-001"])
        try await advance(id, at: "2025-03-14T10:00")
        try await advance(id, to: "reject", at: "2025-03-20T10:00")
        try await advance(id, at: "2025-03-25T10:00")
        try await advance(id, at: "2025-04-08T10:00")
        try await advance(id, to: "approve", at: "2025-04-15T10:00", fields: ["planning_permit_no": "德规许2025-031"])
        try await advance(id, at: "2025-04-18T10:00", fields: ["construction_filing_no": "SGBA-2025-011", "installation_notice_no": "GZ-2025-0101"])
        try await advance(id, at: "2025-08-20T10:00", fields: ["construction_started_on": "2025-04-21", "construction_finished_on": "2025-08-15"])
        try await advance(id, to: "pass", at: "2025-09-10T10:00",
                    fields: ["inspection_report_no": "JY-2025-0101", "inspection_date": "2025-09-05", "acceptance_record_no": "YS-2025-0101"])
        try await advance(id, at: "2025-09-26T10:00", fields: ["use_registration_no": "梯11鲁N00101(25)",
                                                        "registration_code": "31103714002025090001", "equipment_code": "3110371400202509001"])
        try await advance(id, at: "2025-11-10T10:00", fields: ["subsidy_amount": "100000", "subsidy_paid_on": "2025-11-07"])
    }

    private func caseB() async throws {
        let id = "ER-2025-0002"
        try await open(id, fields: ReportFixture.intake(address: "德州市陵城区\"幸福\"路8号, 东区", district: "陵城区", community: "幸福家园",
                                                    building: "8", unit: "1", homes: 2), helper: "王强", at: "2025-02-10T09:00")
        try await advance(id, at: "2025-02-11T09:00")
        try await advance(id, at: "2025-02-12T09:00")
        try await vote(id, at: "2025-02-14T15:00", [("101", 1, "75.50", "孙丽", .agree), ("201", 2, "75.50", "周军", .agree)])
        try await advance(id, at: "2025-02-17T10:00", fields: ["implementing_entity": "幸福家园业委会", "agreement_signed_on": "2025-02-15"])
        try await advance(id, at: "2025-02-24T10:00", fields: ["design_scheme_no": "SJ-2025-002"])
        try await advance(id, at: "2025-03-07T10:00")
        try await advance(id, to: "approve", at: "2025-03-12T10:00", fields: ["planning_permit_no": "陵规许2025-002"])
        try await advance(id, at: "2025-03-14T10:00", fields: ["construction_filing_no": "SGBA-2025-012", "installation_notice_no": "GZ-2025-0102"])
        try await advance(id, at: "2025-06-10T10:00", fields: ["construction_started_on": "2025-03-17", "construction_finished_on": "2025-06-06"])
        // A blank acceptance record number, as an older retrofit let through (the engine now refuses it):
        // the log keeps it, the case reads it as not set, and the auditor's report flags it as missing.
        try await appendAsLogged(.advanced(.init(transition: "pass", from: "inspection", to: "registration",
                                           fields: ["inspection_report_no": "JY-2025-0102", "inspection_date": "2025-07-05",
                                                    "acceptance_record_no": ""])), id, at: "2025-06-20T10:00")
        // Commissioned on 30 June, entered in the system only on 9 August (the engine would now refuse the move
        // while the acceptance record is missing: it is logged as the older retrofit took it).
        try await appendAsLogged(.advanced(.init(transition: "register", from: "registration", to: "commissioned",
                                           fields: ["use_registration_no": "梯11鲁N00102(25)", "registration_code": "31103714002025090001",
                                                    "equipment_code": "3110371400202506002"])),
                           id, at: "2025-06-30T10:00", recorded: "2025-08-09T16:00")
    }

    private func caseC() async throws {
        let id = "ER-2025-0003"
        try await open(id, fields: ReportFixture.intake(address: "德州市德城区湖滨路5号", district: "德城区", community: "湖滨小区",
                                                    building: "5", unit: "1", homes: 6), helper: "李娜", at: "2025-10-09T09:00")
        try await advance(id, at: "2025-10-10T09:00")
        try await advance(id, at: "2025-10-13T09:00")
    }

    private func caseD() async throws {
        let id = "ER-2025-0004"
        try await open(id, fields: ReportFixture.intake(address: "禹城市市中街道汉槐街9号", district: "禹城市", community: "汉槐小区",
                                                    building: "9", unit: "3", homes: 8), helper: "王强", at: "2025-05-06T09:00")
        try await advance(id, at: "2025-05-07T09:00")
        try await advance(id, at: "2025-05-08T09:00")
        try await vote(id, at: "2025-05-20T15:00", [("101", 1, "90.00", "刘洋", .agree), ("201", 2, "90.00", "陈静", .agree)])
        try await advance(id, at: "2025-06-03T10:00", fields: ["implementing_entity": "汉槐小区业委会", "agreement_signed_on": "2025-05-30"])
        try await advance(id, at: "2025-06-10T10:00", fields: ["design_scheme_no": "SJ-2025-004"])
        try await advance(id, at: "2025-06-23T10:00")
        try await advance(id, to: "approve", at: "2025-06-30T10:00", fields: ["planning_permit_no": "禹规许2025-004"])
        try await advance(id, at: "2025-07-04T10:00", fields: ["construction_filing_no": "SGBA-2025-014", "installation_notice_no": "GZ-2025-0104"])
        try await run(.suspend(reason: .litigation, note: "一楼业主起诉"), id, at: "2025-11-03T09:00")
    }

    private func caseE() async throws {
        try await open("ER-2025-0005", fields: ReportFixture.intake(address: "德州市德城区东风路20号", district: "德城区", community: "东风小区",
                                                               building: "20", unit: "4", homes: 10), helper: nil, at: "2025-12-12T09:00")
    }

    private func caseF() async throws {
        let id = "ER-2025-0006"
        try await open(id, fields: ReportFixture.intake(address: "齐河县晏城街道齐州路3号", district: "齐河县", community: "齐州小区",
                                                    building: "3", unit: "1", homes: 6), helper: "李娜", at: "2025-03-03T09:00")
        try await advance(id, at: "2025-03-04T09:00")
        try await advance(id, at: "2025-03-05T09:00")
        try await run(.withdraw(reason: "低层业主坚决反对，业主放弃加装"), id, at: "2025-06-02T09:00")
    }

    private func caseG() async throws {
        let id = "ER-2024-0001"
        try await open(id, fields: ReportFixture.intake(address: "德州市德城区天衢路1号", district: "德城区", community: "天衢小区",
                                                    building: "1", unit: "1", homes: 12), helper: "李娜", at: "2024-03-01T09:00")
        try await advance(id, at: "2024-03-04T09:00")
        try await advance(id, at: "2024-03-05T09:00")
        try await vote(id, at: "2024-04-15T15:00", [("101", 1, "70.00", "马丽", .agree), ("201", 2, "70.00", "高峰", .agree)])
        try await advance(id, at: "2024-04-16T10:00", fields: ["implementing_entity": "天衢小区业委会", "agreement_signed_on": "2024-04-12"])
        try await advance(id, at: "2024-04-25T10:00", fields: ["design_scheme_no": "SJ-2024-003"])
        try await advance(id, at: "2024-05-08T10:00")
        try await advance(id, to: "approve", at: "2024-05-15T10:00", fields: ["planning_permit_no": "德规许2024-018"])
        try await advance(id, at: "2024-05-20T10:00", fields: ["construction_filing_no": "SGBA-2024-007", "installation_notice_no": "GZ-2024-0301"])
        try await advance(id, at: "2024-09-30T10:00", fields: ["construction_started_on": "2024-05-22", "construction_finished_on": "2024-09-25"])
        try await advance(id, to: "pass", at: "2024-10-15T10:00",
                    fields: ["inspection_report_no": "JY-2024-0301", "inspection_date": "2024-10-12", "acceptance_record_no": "YS-2024-0301"])
        try await advance(id, at: "2024-11-20T10:00", fields: ["use_registration_no": "梯11鲁N00301(24)",
                                                        "registration_code": "31103714002024110003", "equipment_code": "3110371400202411003"])
        try await advance(id, at: "2025-01-15T10:00", fields: ["subsidy_amount": "100000.00", "subsidy_paid_on": "2025-01-10"])
    }
}
