import Foundation

/// A change to the register of people who may act, kept in the same log as case events.
public struct PersonRegistered: Codable, Sendable, Hashable {
    public var name: String
    public var role: Role
    public var district: String?

    public init(name: String, role: Role, district: String?) {
        self.name = name
        self.role = role
        self.district = district
    }

    /// Whether the person may be given cases and sign in: false once an admin disabled them.
    /// Not part of the registration event's payload: it follows the person's `AccessChanged` events.
    public var isActive: Bool = true

    private enum CodingKeys: String, CodingKey { case name, role, district }

    /// The log stream that holds the people register (case ids cannot start with `~`).
    public static let stream = "~people"
    public static let type = "person-registered"

    /// The payload as `JSONEncoder` writes it: the reference `payloadJSON()` is checked against.
    public func foundationPayloadJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Refuses a blank district, or one none of the workflows knows (`known`: their district values; with
    /// none known there is nothing to check against).
    public static func checkDistrict(_ district: String, known: [String]) throws(Rejection) {
        if FieldValue.isBlank(district) { throw Rejection(.invalidInput, "a person's district must not be blank; leave it out instead") }
        try KnownNames("district", names: known).check(district)
    }

    /// Whether registering this person would leave the register as it is (same name, role and
    /// district already there): then nothing is appended.
    public func changesNothing(in people: [PersonRegistered]) -> Bool {
        people.contains { $0.name == name && $0.role == role && $0.district == district }
    }

    /// Decides whether `actor` (with `actorRole`, nil if unregistered) may register `person`
    /// when the register already has `registeredCount` people.
    public static func decide(_ person: PersonRegistered, actor: String, actorRole: Role?, registeredCount: Int) -> Rejection? {
        if person.name.trimmingWhitespace().isEmpty { return Rejection(.invalidInput, "a person's name must not be empty") }
        if registeredCount == 0 {
            return person.role == .admin ? nil : Rejection(.notAllowed, "the first person registered must be an admin, so someone can manage the register",
                                                                        hints: [.run(SuggestedOperation(.addPerson, [InputArgument(.role, Role.admin.rawValue)]))])
        }
        guard let actorRole else { return Rejection(.forbidden, "\(actor) is not in the people register; ask an admin to add you") }
        return actorRole == .admin ? nil : Rejection(.forbidden, "\(actor) is \(actorRole.withArticle); registering people needs an admin")
    }
}
