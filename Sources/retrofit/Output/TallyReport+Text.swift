import RetrofitApp
import RetrofitCore
import RetrofitReports

extension TallyReport {
    /// The figures as a table, then the rule and each of its conditions.
    var text: String {
        var lines = ["\(self.case) — tally of \(homes) home\(homes == 1 ? "" : "s") (workflow \(workflow) v\(workflowVersion))", ""]
        var table = TextTable(["group", "owners", "share of owners", "area m²", "share of area"])
        for (group, base) in Self.groups {
            guard let figure = figures[group.rawValue] else { continue }
            func shown(_ share: Share?) -> String {
                guard let share else { return "- (\(base.rawValue) is 0)" }
                return "\(share.fraction) = \(share.percentage) of \(base.rawValue)"
            }
            table.add([group.rawValue, "\(figure.owners)", shown(figure.ownersShare), figure.area, shown(figure.areaShare)])
        }
        lines.append(table.render())
        lines.append("")
        guard let rule, let rulePasses else {
            lines.append("Rule: workflow \(workflow) has no vote rule")
            return lines.joined(separator: "\n")
        }
        lines.append("Rule: \(rule.title) (stage \(rule.stage)): \(rulePasses ? "PASSES" : "FAILS")")
        for condition in conditions {
            lines.append("  \(condition.passes ? "pass" : "FAIL")  \(condition.condition)")
            lines.append("        \(condition.sentence)")
        }
        return lines.joined(separator: "\n")
    }
}
