import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore
import RetrofitTestSupport

/// An in-memory database and the application over it, with the clock fixed.
final class ConsultationWorkbench {
    let app: RetrofitApp
    /// The helper in charge; the people register stays empty, so anyone may act.
    let helper = Actor(name: "李娜")

    init(now: String = "2025-07-01") throws {
        app = RetrofitApp(environment: RetrofitEnvironment(databasePath: ":memory:", clock: .fixed(Fixtures.time(now))),
                          store: try CaseStore.inMemory())
    }

    /// Opens `caseID` on 2025-05-06 and takes it to the consultation stage on 2025-05-08.
    func openInConsultation(_ caseID: String) async throws {
        let service = try app.caseService(by: helper)
        var fields = Fixtures.intakeFields(homes: 13)
        fields["floors"] = "7"
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: caseID, fields: fields, at: Fixtures.time("2025-05-06"))
        _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: caseID, at: Fixtures.time("2025-05-07"))
        _ = try await service.execute(.assign(helper: "李娜"), caseID: caseID, at: Fixtures.time("2025-05-08"))
        _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: caseID, at: Fixtures.time("2025-05-08"))
    }

    /// Moves the case on, with the fields the next stage needs.
    func advance(_ caseID: String, fields: [String: String] = [:], at date: String) async throws(AppError) -> CaseService.Outcome {
        try await app.caseService(by: helper).execute(.advance(to: nil, fields: fields, note: nil), caseID: caseID, at: Fixtures.time(date))
    }

    /// A CSV text split into its header and data rows, as the CLI reads a file.
    static func table(_ text: String, file: String) throws -> (header: [String], rows: [[String]]) {
        let records = try CSVReader.parse(text, file: file)
        return (records.first ?? [], Array(records.dropFirst()))
    }

    /// The 13-home register: 12 owners, 王伟 holds 1-602 and 1-701 (60 m² each), every other home is 80 m², 1,000 m².
    static let homesCSV = """
        home,floor,area,owner
        1-101,1,80.00,赵敏
        1-102,1,80.00,钱坤
        1-201,2,80.00,孙丽
        1-202,2,80.00,李强
        1-301,3,80.00,周杰
        1-302,3,80.00,吴芳
        1-401,4,80.00,郑浩
        1-402,4,80.00,冯雪
        1-501,5,80.00,陈晨
        1-502,5,80.00,褚亮
        1-601,6,80.00,卫兰
        1-602,6,60.00,王伟
        1-701,7,60.00,王伟

        """

    /// 8 of 12 owners agree (680 of 1,000 m²); 王伟 votes once for his two homes; 1-501 is undated.
    static let firstBallotsCSV = """
        房号,表决,日期
        1-602,同意,2025-05-20
        1-701,agree,2025-05-20
        1-201,agree,2025-05-21
        1-202,agree,2025-05-21
        1-301,agree,2025-05-21
        1-302,agree,2025-05-22
        1-401,agree,2025-05-22
        1-402,agree,2025-05-22
        1-101,反对,2025-05-19
        1-102,object,2025-05-23
        1-501,object,
        1-502,弃权,2025-05-23
        1-601,agree,2025-05-23

        """
}
