import RetrofitCore

/// Elevators, homes and subsidy per district, added up one case at a time.
struct DistrictTally {
    private struct Sum {
        var elevators = 0
        var homes = 0
        var subsidy = Rational.zero

        mutating func add(_ item: CommissionedCase) {
            elevators += 1
            homes += item.homes ?? 0
            // An amount that does not parse, or would overflow the sum, is left out.
            if let amount = item.subsidyAmount.flatMap({ Rational(parsing: $0) }), let sum = subsidy.adding(amount) { subsidy = sum }
        }

        func total(_ district: String?) -> DistrictTotal {
            DistrictTotal(district: district, elevators: elevators, homes: homes, subsidy: subsidy.decimalString(places: 2))
        }
    }

    private var byDistrict: [String?: Sum] = [:]
    private var all = Sum()

    var elevators: Int { all.elevators }

    mutating func add(_ item: CommissionedCase) {
        byDistrict[item.district, default: Sum()].add(item)
        all.add(item)
    }

    /// Totals per district (by name, cases without one last) and overall.
    var totals: (byDistrict: [DistrictTotal], total: DistrictTotal) {
        let districts = byDistrict.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
        return (districts.compactMap { district in byDistrict[district].map { $0.total(district) } }, all.total(nil))
    }
}
