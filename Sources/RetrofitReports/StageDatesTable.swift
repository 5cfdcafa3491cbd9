import RetrofitCore

/// The commissioned report's stage-dates table (case, #, stage, entered, left) in twelve bytes a visit: the
/// stage and the days are numbers into lists of the distinct stages and days. A year's report has hundreds of
/// thousands of visits but a few dozen stages and a few hundred days. Written as `TextTable.render()` would.
struct StageDatesTable {
    static let headers = ["case", "#", "stage", "entered", "left"]

    private struct Visit {
        let stage: Int32
        let entered: Int32
        /// -1 while the case is still in the stage.
        let left: Int32
    }

    private var cases: [(id: String, visits: Int)] = []
    private var visits: [Visit] = []
    private var stages = Distinct<String>()
    private var days = Distinct<CivilDate>()

    mutating func add(caseID: String, stages visited: [StageDates]) {
        cases.append((caseID, visited.count))
        for visit in visited {
            visits.append(Visit(stage: stages.number(visit.stage), entered: days.number(visit.entered),
                                left: visit.left.map { days.number($0) } ?? -1))
        }
    }

    func render(to out: inout BlockWriter) {
        let dayTexts = days.values.map(\.description)
        var widths = Self.headers.map(\.displayWidth)
        for (id, count) in cases where count > 0 { widths[0] = max(widths[0], id.displayWidth) }
        widths[1] = max(widths[1], "\(cases.map(\.visits).max() ?? 0)".count)
        var used = (stages: Set<Int32>(), entered: Set<Int32>(), left: Set<Int32>())
        for visit in visits {
            used.stages.insert(visit.stage)
            used.entered.insert(visit.entered)
            used.left.insert(visit.left)
        }
        for stage in used.stages { widths[2] = max(widths[2], stages.values[Int(stage)].displayWidth) }
        for day in used.entered { widths[3] = max(widths[3], dayTexts[Int(day)].displayWidth) }
        for day in used.left { widths[4] = max(widths[4], day < 0 ? "—".displayWidth : dayTexts[Int(day)].displayWidth) }

        TextTableLine.writeHeader(Self.headers, widths: widths, to: &out)
        var line = TextTableLine(widths: widths)
        var next = 0
        for (id, count) in cases {
            for index in 0..<count {
                let visit = visits[next]
                next += 1
                out.write("\n")
                line.add(index == 0 ? id : "")
                line.add("\(index + 1)")
                line.add(stages.values[Int(visit.stage)])
                line.add(dayTexts[Int(visit.entered)])
                line.add(visit.left < 0 ? "—" : dayTexts[Int(visit.left)])
                line.write(to: &out)
            }
        }
    }
}

/// Values numbered in the order first seen.
private struct Distinct<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: Int32] = [:]

    mutating func number(_ value: Value) -> Int32 {
        if let number = numbers[value] { return number }
        let number = Int32(values.count)
        values.append(value)
        numbers[value] = number
        return number
    }
}
