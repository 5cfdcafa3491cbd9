import RetrofitCore
import RetrofitReports
import RetrofitStore

/// One case in `case list`.
public struct CaseRowSummary: Encodable, Sendable {
    public let id, workflow, stage, status, priority, difficulty: String
    public let workflowVersion, version: Int
    @EncodeNil public var helper: String?
    @EncodeNil public var district: String?
    @EncodeNil public var deadline: String?

    public init(_ row: CaseRow) {
        id = row.id
        workflow = row.workflowID
        workflowVersion = row.workflowVersion
        stage = row.stage
        status = row.status.rawValue
        version = row.version
        helper = row.helper
        district = row.district
        priority = row.priority.rawValue
        difficulty = row.difficulty.rawValue
        deadline = row.deadline?.description
    }
}
