import GRDB
import RetrofitCore
@testable import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("Access changes in the people stream: who is disabled follows the log")
struct AccessStoreTests {
    static let stamp = AccessChangeStamp(at: Fixtures.time("2026-03-02T09:00"), recordedAt: Fixtures.time("2026-03-02T09:00"), actor: "张伟")

    @Test("a rebuild finds a disabled flag that differs from the log, and puts it back")
    func rebuildRestoresDisabled() throws {
        let store = try TemporaryStore.inMemory()
        try store.register(PersonRegistered(name: "张伟", role: .admin, district: nil), expectedCount: 0, at: Self.stamp.at, recordedAt: Self.stamp.at, actor: "张伟")
        try store.register(PersonRegistered(name: "李娜", role: .helper, district: "德城区"), expectedCount: 1, at: Self.stamp.at, recordedAt: Self.stamp.at, actor: "张伟")
        #expect(try store.setDisabled(true, person: "李娜", stamp: Self.stamp))
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)

        try store.writer.write { db in try db.execute(sql: "UPDATE person SET disabled = 0 WHERE name = '李娜'") }
        let check = try store.rebuild(calendars: Fixtures.calendars, keep: false)
        #expect(!check.identical && check.firstDifference == "person")
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: true).firstDifference == "person")
        #expect(try store.access(of: "李娜")?.person.isActive == false)
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)
    }

    @Test("re-registering a disabled person with a new role keeps them disabled")
    func roleChangeKeepsDisabled() throws {
        let store = try TemporaryStore.inMemory()
        try store.register(PersonRegistered(name: "张伟", role: .admin, district: nil), expectedCount: 0, at: Self.stamp.at, recordedAt: Self.stamp.at, actor: "张伟")
        try store.register(PersonRegistered(name: "李娜", role: .helper, district: nil), expectedCount: 1, at: Self.stamp.at, recordedAt: Self.stamp.at, actor: "张伟")
        #expect(try store.setDisabled(true, person: "李娜", stamp: Self.stamp))
        try store.register(PersonRegistered(name: "李娜", role: .manager, district: nil), expectedCount: 2, at: Self.stamp.at, recordedAt: Self.stamp.at, actor: "张伟")
        let access = try #require(try store.access(of: "李娜"))
        #expect(access.person.role == .manager && !access.person.isActive)
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)
    }
}
