import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// What is known of a keyed request (see ``RequestKeyStanding``).
    public func standing(of key: RequestKey) async throws(AppError) -> RequestKeyStanding {
        let store = try store(.read)
        guard let stored = try translatingErrors({ try store.requestKey(person: key.person, key: key.key) }) else { return .new }
        if stored.fingerprint != key.fingerprint { return .reusedForAnotherRequest }
        if let status = stored.status {
            return .answered(RecordedResponse(status: status, contentType: stored.contentType ?? "application/json", body: stored.body ?? []))
        }
        if let caseID = stored.caseID { return .writtenUnanswered(caseID: caseID) }
        return .new
    }

    /// Records the answer to a keyed request, for its retries (kept 24 hours).
    public func record(_ response: RecordedResponse, for key: RequestKey) async throws(AppError) {
        let store = try store(.write)
        let existing = try translatingErrors { try store.requestKey(person: key.person, key: key.key) }
        let row = StoredRequestKey(person: key.person, key: key.key, fingerprint: key.fingerprint, caseID: existing?.caseID,
                                   status: response.status, contentType: response.contentType, body: response.body)
        try translatingErrors { try store.recordAnswer(row, at: now) }
    }

    /// This application, its case writes recording `key` in the same transaction as their events, so that a
    /// retry after a crash finds the write done.
    public func recording(_ key: RequestKey?) -> RetrofitApp {
        var app = self
        app.requestKey = key
        return app
    }
}
