import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RetrofitApp
import RetrofitServer
import ServiceLifecycle
import Testing

@Suite("The service over real connections")
struct LiveServerTests {
    @Test("a session cookie works over HTTP: sign in, read, write with the CSRF token, sign out")
    func sessionOverHTTP() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.live) { client in
            let session = try await client.signIn("李娜")
            #expect(!session.cookie.isEmpty)
            try await client.execute(uri: "/api/v1/queue", method: .get, headers: session.headers(csrf: false)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: session.headers(csrf: false),
                                     body: ByteBuffer(string: #"{"text": "no token"}"#)) { response throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: #"{"text": "with token"}"#)) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: session.headers(json: false)) { response throws in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/queue", method: .get, headers: session.headers(csrf: false)) { response throws in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try await bench.version() == 2)
    }

    @Test("on graceful shutdown a request in flight completes before the server stops")
    func gracefulShutdownDrains() async throws {
        let bench = try await ServerBench(withPasswords: false)
        let (router, _) = RetrofitServer.router(bench.server)
        router.get("/test/slow") { _, _ -> String in
            try await Task.sleep(for: .milliseconds(700))
            return "finished"
        }
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let application = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { portSink.yield($0.localAddress?.port ?? 0) }, logger: bench.server.logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: bench.server.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = TestClient(host: "127.0.0.1", port: port)
            client.connect()
            async let slow = client.get("/test/slow")
            try await Task.sleep(for: .milliseconds(200))
            await group.triggerGracefulShutdown()
            let response = try await slow
            #expect(response.status == .ok)
            #expect(response.body.map { String(buffer: $0) } == "finished")
            try? await client.shutdown()
            // The service group returns once the server has stopped.
            try await tasks.waitForAll()
        }
    }
}
