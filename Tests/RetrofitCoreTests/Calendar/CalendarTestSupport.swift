import RetrofitBuiltins
import RetrofitCore
import Foundation
import Testing

/// The calendars shipped in the binary, loaded the way the product loads them.
enum ShippedCalendars {
    static let files: [(path: String, text: String)] = BuiltinFiles.all
        .filter { $0.key.hasPrefix("calendars/") }
        .map { (path: $0.key, text: $0.value) }

    private static let mainlandResult = Result { () throws(CalendarError) in
        try WorkingCalendar.load(id: "cn-mainland", files: files)
    }

    static func mainland() throws -> WorkingCalendar { try mainlandResult.get() }

    /// The shipped mainland calendar without its `provisional:` rule: it answers only for its files' years.
    static func mainlandWithoutProvisionalYears() throws -> WorkingCalendar {
        let strict = files.map { file in
            (path: file.path, text: file.text.replacingOccurrences(of: "provisional: statutory-holidays", with: ""))
        }
        return try WorkingCalendar.load(id: "cn-mainland", files: strict)
    }
}

/// A stage entered on `entered` with a period of `count` units, and its expected last day.
struct CalendarDeadlineExample: Sendable, CustomTestStringConvertible {
    let entered: String
    let count: Int
    let deadline: String
    /// The last day before it was moved off a rest day (calendar days and months only).
    var rolledFrom: String? = nil
    let why: String
    var testDescription: String { why }
}

/// Helpers every calendar suite adopts, so their short names stay out of the shared test target's global scope.
protocol CalendarTestHelpers {}

extension CalendarTestHelpers {
    /// A date from `YYYY-MM-DD`, recording a test issue when the text is not a date.
    func day(_ text: String) throws -> CivilDate {
        try #require(CivilDate(iso: text), "\(text) is not a date")
    }

    /// A suspension of the days `from..<until`.
    func suspension(_ from: String, _ until: String, _ reason: String = "litigation") throws -> SuspendedSpan {
        SuspendedSpan(from: try day(from), until: try day(until), reason: reason)
    }
}
