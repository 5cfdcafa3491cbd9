import RetrofitCore

/// Add a person to the people register, or change their role or district.
public struct RegisterPersonRequest: Sendable {
    public var name: String
    public var role: Role
    /// One of the workflows' districts; nil for none.
    public var district: String?
    /// When it happened; nil means now.
    public var at: Timestamp?

    public init(name: String, role: Role, district: String? = nil, at: Timestamp? = nil) {
        self.name = name
        self.role = role
        self.district = district
        self.at = at
    }
}

/// A person registered, or found already registered as asked.
public struct PersonRegistration: Encodable, Sendable {
    public let person: PersonEntry
    /// False when the register already held this person with this role and district: nothing was appended.
    public let changed: Bool
}
