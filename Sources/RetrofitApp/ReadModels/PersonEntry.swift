import RetrofitCore
import RetrofitReports

/// One person of the people register: an element of `people list --json`.
public struct PersonEntry: Encodable, Sendable, Hashable {
    public let name: String
    /// helper, manager, auditor or admin.
    public let role: String
    /// Null for a person who works in no particular district.
    @EncodeNil public var district: String?
    /// False once an admin disabled them: they cannot sign in, nor be given cases.
    public let active: Bool

    public init(_ person: PersonRegistered) {
        name = person.name
        role = person.role.rawValue
        district = person.district
        active = person.isActive
    }
}
