extension GuardExpression {
    /// Checks the guard against the workflow's declared field types.
    ///
    /// Reports, each at the offset of the part concerned:
    /// - a name that is not a declared field: `unknown field 'flors'`;
    /// - values that cannot be compared: `cannot compare date field 'approved_on' with number 5`;
    /// - `<`, `<=`, `>`, `>=` (or their word forms) on text, enum or boolean values, which allow
    ///   only `==` and `!=`;
    /// - an enum compared with text outside its list:
    ///   `'东城区' is not one of district's values: 德城区, 陵城区`;
    /// - anything but a boolean standing alone as a condition.
    ///
    /// - Parameter types: the declared type of every case field, by name.
    /// - Returns: every problem found, ordered by offset; empty when the guard is sound.
    public func typeCheck(_ types: [String: FieldType]) -> [GuardProblem] {
        var checker = GuardTypeChecker(types: types)
        checker.check(root)
        return checker.problems.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element)
    }
}

private struct GuardTypeChecker {
    let types: [String: FieldType]
    var problems: [GuardProblem] = []

    mutating func check(_ node: GuardNode) {
        switch node {
        case .comparison(let left, let comparator, let right):
            checkComparison(left, comparator, right)
        case .presence(let operand, _):
            _ = type(of: operand)
        case .condition(let operand):
            guard let type = type(of: operand), type != .boolean else { return }
            report(operand.offset, "\(describe(operand, type)) is not a boolean, so it cannot stand alone as a condition")
        case .negation(let inner):
            check(inner)
        case .all(let parts), .any(let parts):
            for part in parts { check(part) }
        }
    }

    private mutating func checkComparison(_ left: GuardOperand, _ comparator: GuardComparator, _ right: GuardOperand) {
        let leftType = type(of: left)
        let rightType = type(of: right)
        guard let leftType, let rightType else { return }
        guard leftType.isComparable(with: rightType) else {
            var message = "cannot compare \(describe(left, leftType)) with \(describe(right, rightType))"
            if [leftType, rightType].contains(.date), [left, right].contains(where: \.isTextLiteralWrittenAsDate) {
                message += "; write dates without quotes, as in 2025-03-01"
            }
            report(left.offset, message)
            return
        }
        if comparator.relation.isOrdering, !leftType.isOrdered {
            let (subject, subjectType) = right.fieldName != nil && left.fieldName == nil ? (right, rightType) : (left, leftType)
            report(
                comparator.offset,
                "cannot use '\(comparator.spelling)' on \(describe(subject, subjectType)): "
                    + "only == and != compare text, enum and boolean values")
        }
        for (field, fieldType, other) in [(left, leftType, right), (right, rightType, left)] {
            guard let name = field.fieldName, case .enumeration(let allowed) = fieldType,
                  case .literal(.text(let text)) = other.kind, !allowed.contains(text) else { continue }
            report(other.offset, "'\(text)' is not one of \(name)'s values: \(allowed.joined(separator: ", "))")
        }
    }

    /// The operand's type; for a field not in `types`, reports it and returns nil.
    private mutating func type(of operand: GuardOperand) -> FieldType? {
        switch operand.kind {
        case .field(let name):
            guard let type = types[name] else {
                report(operand.offset, "unknown field '\(name)'")
                return nil
            }
            return type
        case .literal(.number): return .decimal
        case .literal(.text): return .text
        case .literal(.date): return .date
        case .literal(.boolean): return .boolean
        }
    }

    /// `integer field 'homes'`, `enum field 'district'`, `number 5`, `text '东城区'`, `date 2025-03-01`.
    private func describe(_ operand: GuardOperand, _ type: FieldType) -> String {
        switch operand.kind {
        case .field(let name): "\(type) field '\(name)'"
        case .literal(.number): "number \(operand.spelling)"
        case .literal(.text(let text)): "text '\(text)'"
        case .literal(.date): "date \(operand.spelling)"
        case .literal(.boolean): "boolean \(operand.spelling)"
        }
    }

    private mutating func report(_ offset: Int, _ message: String) {
        problems.append(GuardProblem(offset: offset, message: message))
    }
}

private extension FieldType {
    /// Whether `<` and `>` mean something for the type: numbers and dates.
    var isOrdered: Bool {
        switch self {
        case .integer, .decimal, .date: true
        case .text, .enumeration, .boolean: false
        }
    }
}

private extension GuardOperand {
    /// A quoted date such as `'2025-03-01'`, which was probably meant as a date.
    var isTextLiteralWrittenAsDate: Bool {
        if case .literal(.text(let text)) = kind { CivilDate(iso: text) != nil } else { false }
    }
}
