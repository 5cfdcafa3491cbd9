import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("The people register through the application layer")
struct PeopleUseCaseTests {
    static let admin = Actor(name: "张伟")

    @Test("the first person must be an admin; then only admins add people; the list is by name")
    func registering() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app

        let notAdmin = await #expect(throws: AppError.self) {
            try await app.registerPerson(RegisterPersonRequest(name: "李娜", role: .helper), by: Self.admin)
        }
        #expect(notAdmin?.category == .refused)
        #expect(notAdmin?.message.hasPrefix("the first person registered must be an admin") == true)

        let first = try await app.registerPerson(RegisterPersonRequest(name: " 张伟 ", role: .admin, at: Fixtures.time("2025-05-01")),
                                                 by: Self.admin)
        #expect(first.changed)
        #expect(first.person == PersonEntry(PersonRegistered(name: "张伟", role: .admin, district: nil)))
        let helper = try await app.registerPerson(RegisterPersonRequest(name: "李娜", role: .helper, district: "德城区"), by: Self.admin)
        #expect(helper.changed)
        let same = try await app.registerPerson(RegisterPersonRequest(name: "李娜", role: .helper, district: " 德城区"), by: Self.admin)
        #expect(!same.changed)

        let byHelper = await #expect(throws: AppError.self) {
            try await app.registerPerson(RegisterPersonRequest(name: "王芳", role: .manager), by: Actor(name: "李娜"))
        }
        #expect(byHelper == AppError.forbidden("李娜 is a helper; registering people needs an admin"))
        let byStranger = await #expect(throws: AppError.self) {
            try await app.registerPerson(RegisterPersonRequest(name: "王芳", role: .manager), by: Actor(name: "赵敏"))
        }
        #expect(byStranger?.category == .forbidden)

        let people = try await app.people(by: Self.admin)
        #expect(people.map(\.name) == ["张伟", "李娜"].sorted())
        #expect(people.first { $0.name == "李娜" } == PersonEntry(PersonRegistered(name: "李娜", role: .helper, district: "德城区")))
    }

    @Test("an unknown district and a date ahead of the clock are bad input, and nothing is registered")
    func badRequests() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app
        _ = try await app.registerPerson(RegisterPersonRequest(name: "张伟", role: .admin), by: Self.admin)

        let district = await #expect(throws: AppError.self) {
            try await app.registerPerson(RegisterPersonRequest(name: "赵敏", role: .helper, district: "德城"), by: Self.admin)
        }
        #expect(district?.category == .badInput)
        #expect(district?.message.contains("德城") == true)
        let future = await #expect(throws: AppError.self) {
            try await app.registerPerson(RegisterPersonRequest(name: "赵敏", role: .helper, at: Fixtures.time("2025-07-02")), by: Self.admin)
        }
        #expect(future?.category == .badInput)
        #expect(try await app.people(by: Self.admin).map(\.name) == ["张伟"])
    }
}
