extension CaseDecider {
    /// The helper a case may be given: while the people register is empty, any name (anyone may act);
    /// afterwards a registered person with the helper role, of the case's district unless a manager says
    /// otherwise (`anyDistrict`), which the event then records.
    static func helperAssignment(_ name: String, anyDistrict: Bool, caseID: String, caseDistrict: String?,
                                 context: CommandContext) throws(Rejection) -> CaseEvent.HelperAssigned {
        let helper = try nonEmpty(name, what: "the helper's name")
        guard !context.people.isEmpty else { return .init(helper: helper) }
        let helpers = context.people.filter { $0.role == .helper && $0.isActive }.map(\.name)
        guard let person = context.people.first(where: { $0.name == helper }) else {
            throw Rejection(.invalidInput, "\(helper) is not in the people register\(NameSuggestion.didYouMean(helper, among: helpers)); a case's helper must be a registered helper")
        }
        guard person.role == .helper else {
            throw Rejection(.invalidInput, "\(helper) is \(person.role.withArticle), not a helper; a case's helper must be registered with the helper role")
        }
        guard person.isActive else {
            throw Rejection(.notAllowed, "\(helper) is disabled in the people register and cannot be given cases")
        }
        guard let caseDistrict, let district = person.district, !FieldValue.isBlank(district), district != caseDistrict else {
            return .init(helper: helper)
        }
        guard anyDistrict else {
            throw Rejection(.notAllowed, "\(helper) works in \(district) and case \(caseID) is in \(caseDistrict); only a manager may assign a helper of another district, and only by saying so explicitly (any district)")
        }
        if let role = context.role, role != .manager {
            throw Rejection(.forbidden, "\(context.actor) is \(role.withArticle); assigning a helper of another district needs a manager")
        }
        return .init(helper: helper, anyDistrict: true)
    }
}
