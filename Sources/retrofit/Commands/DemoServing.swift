import Foundation
import RetrofitApp
import RetrofitCore

/// `retrofit serve --demo`: a demo database built by the demo use case, and a password for each of its people.
enum DemoServing {
    /// Builds the demo database (in `--db`, else a new temporary file) and answers the options that serve it.
    static func prepare(_ global: GlobalOptions) async throws -> GlobalOptions {
        var options = global
        let path = global.db ?? GlobalOptions.environment("RETROFIT_DB")
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-demo-\(UInt32.random(in: .min ... .max)).sqlite").path
        if FileManager.default.fileExists(atPath: path) {
            throw CommandFailure.badInput("\(path) already exists; the demo writes a new database — give another --db or remove it")
        }
        options.db = path
        options.now = global.now ?? GlobalOptions.environment("RETROFIT_NOW") ?? DemoCommand.defaultNow
        let demo = try await options.app().buildDemo(DemoRequest(summarise: false), by: global.actingPerson)
        print("Built \(path): \(demo.cases) cases, \(demo.events) events, as of \(demo.asOf).")
        return options
    }

    /// Gives every demo person a new random password and prints them: the demo's only way in.
    static func setPasswords(_ app: RetrofitApp) async throws {
        let people = try await app.people(by: Actor(name: "retrofit-demo"))
        guard let admin = people.first(where: { $0.role == "admin" }) else { return }
        print("Demo people and their passwords (this run only):")
        for person in people {
            let password = randomPassword()
            try await app.setPassword(password, for: person.name, by: Actor(name: admin.name))
            print("  \(person.name)\t\(person.role)\t\(password)")
        }
    }

    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
