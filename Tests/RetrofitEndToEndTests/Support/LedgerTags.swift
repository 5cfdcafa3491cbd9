import Testing

extension Tag {
    /// Reliability tests: concurrency, kills, fuzzing, damaged databases.
    @Tag static var reliability: Tag
    /// Tests that scale up with `RETROFIT_HEAVY=1`.
    @Tag static var heavy: Tag
}
