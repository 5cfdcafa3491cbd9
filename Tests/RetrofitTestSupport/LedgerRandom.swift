import Foundation

/// A seeded random number generator (SplitMix64) for reproducible randomized tests.
///
/// The seed comes from `RETROFIT_SEED` when set, else from the system; tests print it so a failure
/// can be replayed with `RETROFIT_SEED=… swift test --filter …`.
public struct LedgerRandom: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// A generator seeded from `RETROFIT_SEED`, or randomly; prints the seed with `label`.
    public static func seeded(_ label: String) -> LedgerRandom {
        let given = ProcessInfo.processInfo.environment["RETROFIT_SEED"].flatMap { UInt64($0) }
        let seed = given ?? UInt64.random(in: 1...UInt64.max)
        print("\(label): seed \(seed) (replay with RETROFIT_SEED=\(seed))")
        return LedgerRandom(seed: seed)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

    public mutating func pick<T>(_ items: [T]) -> T? { items.randomElement(using: &self) }
}
