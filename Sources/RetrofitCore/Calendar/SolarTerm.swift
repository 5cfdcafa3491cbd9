import Foundation

/// The day of a solar term in China Standard Time, from the sun's apparent longitude.
///
/// Uses the low-precision solar position of Meeus, *Astronomical Algorithms* ch. 25 (about 0.01°,
/// under a quarter of an hour of the sun's motion): enough for the day, which is all the law needs.
/// Doubles are right here: this is astronomy, not counting.
enum SolarTerm {
    /// The China Standard Time day on which the sun's apparent longitude reaches `longitude`
    /// degrees, searching from about `near` (within a few weeks of it).
    static func day(longitude: Double, near: CivilDate) -> CivilDate {
        // Julian day of 00:00 UTC on `near`; 1970-01-01 00:00 UTC is JD 2440587.5.
        var julianDay = Double(near.dayNumber) + 2_440_587.5
        for _ in 0..<20 {
            var difference = longitude - apparentLongitude(julianDay: julianDay)
            difference -= 360 * (difference / 360).rounded()
            // The sun moves about 360° in 365.2422 days.
            let step = difference * 365.2422 / 360
            julianDay += step
            if abs(step) < 1e-6 { break }
        }
        // Dynamical time runs about 69 s ahead of UTC (ΔT, 2020s); China Standard Time is UTC+8.
        let chinaTime = julianDay - 69.0 / 86_400 + 8.0 / 24
        return CivilDate(dayNumber: Int((chinaTime - 2_440_587.5).rounded(.down)))
    }

    /// The sun's apparent longitude in degrees at dynamical-time Julian day `julianDay`.
    static func apparentLongitude(julianDay: Double) -> Double {
        let t = (julianDay - 2_451_545.0) / 36_525
        let meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t
        let anomaly = radians(357.52911 + 35_999.05029 * t - 0.0001537 * t * t)
        let centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly)
            + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly)
        let node = radians(125.04 - 1_934.136 * t)
        let longitude = meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
        return longitude - 360 * (longitude / 360).rounded(.down)
    }

    private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}
