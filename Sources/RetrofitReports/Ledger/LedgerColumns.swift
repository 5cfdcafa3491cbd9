/// The column names of a ledger file. Any other column is a workflow field, by name.
public enum LedgerColumn {
    public static let id = "id"
    public static let workflow = "workflow"
    public static let stage = "stage"
    /// The day the case entered its current stage.
    public static let entered = "entered"
    public static let helper = "helper"
    public static let priority = "priority"
    public static let difficulty = "difficulty"
    /// `entered:intake`: the day the case entered an earlier stage.
    public static let stagePrefix = "entered:"

    public static let fixed: Set<String> = [id, workflow, stage, entered, helper, priority, difficulty]

    /// The column holding the entry date of `stage`.
    public static func entered(_ stage: String) -> String { stagePrefix + stage }
}

/// The header row, read: where each column is.
public struct LedgerHeader {
    public let names: [String]
    private let positions: [String: Int]

    public init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    /// The 0-based index of a column, if the header has it.
    public func index(_ name: String) -> Int? { positions[name] }

    /// Columns holding field values: everything that is not a fixed column or a stage date.
    public var fieldColumns: [(name: String, index: Int)] {
        names.enumerated().compactMap { index, name in
            LedgerColumn.fixed.contains(name) || name.hasPrefix(LedgerColumn.stagePrefix) || name.isEmpty ? nil : (name, index)
        }
    }

    /// Columns holding earlier stages' entry dates.
    public var stageColumns: [(stage: String, index: Int)] {
        names.enumerated().compactMap { index, name in
            name.hasPrefix(LedgerColumn.stagePrefix) ? (String(name.dropFirst(LedgerColumn.stagePrefix.count)), index) : nil
        }
    }
}
