/// A small valid workflow to mutate in tests; line numbers below are relied on by the tests.
enum WorkflowSamples {
    static let valid = """
        id: sample
        version: 1
        title: 样例 / Sample
        calendar: cn-mainland
        fields:
          district: { type: enum, title: 区县, values: [德城区, 陵城区], required_from: intake }
          floors: { type: integer, title: 层数, required_from: intake }
          approved_on: { type: date, title: 批准日期 }
          registration_no: { type: text, title: 登记证号, required_from: done }
        stages:
          - id: intake
            title: 受理 / Intake
            roles: [helper]
            deadline: { working_days: 5 }
            transitions:
              - { to: review, name: submit, guard: "floors >= 4" }
          - id: review
            title: 审查 / Review
            roles: [manager]
            deadline: { days: 10 }
            transitions:
              - { to: done, name: approve }
              - { to: intake, name: reject }
          - id: done
            title: 投入使用 / Commissioned
            milestones: [commissioned]
            terminal: true
        """

    /// `valid` with one line replaced (1-based line number).
    static func replacing(line: Int, with text: String) -> String {
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    /// `valid` with lines inserted after `line`.
    static func inserting(after line: Int, _ text: String) -> String {
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(text, at: line)
        return lines.joined(separator: "\n")
    }
}
