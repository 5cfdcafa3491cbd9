import RetrofitCore

/// A person who signed in: who they are, and what their role and districts let them see and do.
public struct SignedInPerson: Sendable, Hashable, Encodable {
    public let name: String
    public let role: Role
    /// The districts whose cases a helper sees and acts on (besides the cases assigned to them); empty for none.
    public let districts: [String]

    public init(name: String, role: Role, districts: [String]) {
        self.name = name
        self.role = role
        self.districts = districts
    }
}
