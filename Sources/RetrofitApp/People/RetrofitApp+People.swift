import Foundation
import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// Registers a person, or changes their role or district. While the register is empty anyone may add the first
    /// person, who must be an admin; after that only admins add people.
    ///
    /// - Throws: ``AppError`` bad input (an empty name, an unknown or blank district, a date in the future),
    ///   refused (a first person who is not an admin), forbidden (an actor who is not an admin, or not registered),
    ///   conflict (someone else changed the register meanwhile).
    public func registerPerson(_ request: RegisterPersonRequest, by actor: Actor,
                               created: (String) -> Void = { _ in }) async throws(AppError) -> PersonRegistration {
        try authorize(.registerPeople, by: actor)
        let register: any CaseRepository = try store(.write, created: created)
        let people = try await translatingErrors { try await register.people() }
        let actorRole = people.first { $0.name == actor.name }?.role
        let person = PersonRegistered(name: request.name.trimmingCharacters(in: .whitespaces), role: request.role,
                                      district: request.district.map(ConsultationText.trimmed))
        if let district = person.district {
            let known = try environment.catalog().districts()
            do { try PersonRegistered.checkDistrict(district, known: known) } catch { throw AppError(error) }
        }
        if let rejection = PersonRegistered.decide(person, actor: actor.name, actorRole: actorRole, registeredCount: people.count) {
            throw AppError(rejection)
        }
        let now = self.now
        let occurredAt = request.at ?? now
        if occurredAt > now {
            throw .badInput("the date \(occurredAt) is in the future (now is \(now)); events cannot be recorded ahead of time")
        }
        if person.changesNothing(in: people) { return PersonRegistration(person: PersonEntry(person), changed: false) }
        try await translatingErrors {
            try await register.register(person, expectedCount: people.count, at: occurredAt, recordedAt: now, actor: actor.name)
        }
        return PersonRegistration(person: PersonEntry(person), changed: true)
    }

    /// The people register, by name.
    public func people(by actor: Actor) async throws(AppError) -> [PersonEntry] {
        try authorize(.readPeople, by: actor)
        let register: any CaseRepository = try store(.read)
        return try await translatingErrors { try await register.people() }.map(PersonEntry.init)
    }
}
