import RetrofitApp

extension WriteOutput {
    /// Prints the result of a consultation write: `text`, or `CASE: nothing changed: …` when nothing was appended
    /// (on stderr beside JSON); with `--json`, the case.
    func report(_ write: ConsultationWrite, _ text: String, nothingChanged: @autoclosure () -> String = "") throws {
        let reason = write.changed ? "" : nothingChanged()
        let shown = write.changed ? text
            : "\(write.caseID): nothing changed: " + (reason.isEmpty ? "the case is already so" : reason)
        if json {
            if !write.changed { printNotice(shown) }
            try printJSON(write.summary)
        } else {
            print(shown)
        }
    }
}
