import RetrofitCore

/// How big a case's household register is, as every consultation write reports it:
/// `12 homes, 11 owners, 960.00 m²; 10 voted`.
public struct RegisterSize: Encodable, Sendable, Hashable {
    public let homes: Int
    /// Owners counted once however many homes they hold.
    public let owners: Int
    /// The exclusive areas summed, m² with two decimals.
    public let area: String
    /// Homes with a ballot.
    public let voted: Int

    public init(homes: Int, owners: Int, area: String, voted: Int) {
        self.homes = homes
        self.owners = owners
        self.area = area
        self.voted = voted
    }

    public init(_ register: HouseholdRegister) {
        let homes = register.homes
        self.homes = homes.count
        owners = Set(homes.map(\.owner)).count
        area = (Area(hundredths: homes.reduce(0) { $0 + $1.area.hundredths }) ?? .zero).description
        voted = homes.filter { register.ballot($0.number) != nil }.count
    }
}
