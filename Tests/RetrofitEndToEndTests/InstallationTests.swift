import Foundation
import RetrofitTestSupport
import Testing

@Suite("The binary carries its workflows and calendars")
struct InstallationTests {
    @Test func theBinaryCopiedAloneWorksFromAnEmptyFolder() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("retrofit")
        try FileManager.default.copyItem(at: RetrofitProcess.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["workflow", "list"]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("elevator-retrofit") && text.contains("elevator-renewal"))
    }

    @Test func aWorkflowsFolderReplacesTheBuiltInOnes() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        let retrofit = try #require(Fixtures.workflowFiles.first { $0.stem == "elevator-retrofit" })
        let local = retrofit.text.replacingOccurrences(of: "id: elevator-retrofit", with: "id: local-retrofit")
        try local.write(to: workflows.appendingPathComponent("local-retrofit.yaml"), atomically: true, encoding: .utf8)
        let cli = RetrofitProcess(directory: folder)
        let listed = try cli.run("workflow", "list")
        #expect(listed.stdout.contains("local-retrofit"))
        #expect(!listed.stdout.contains("elevator-renewal"))
        let opened = try cli.run(["case", "open", "--workflow", "local-retrofit", "--at", "2025-05-06"] + CommandLineTests.intake)
        #expect(opened.status == 0, "\(opened)")
        // --workflows points elsewhere: the folder in the working directory no longer applies.
        let other = try cli.run("workflow", "list", "--workflows", workflows.deletingLastPathComponent().path + "/nowhere")
        #expect(other.status == 2)
        #expect(other.stderr.hasPrefix("error: folder '"))
    }

    @Test func validateReportsEveryProblemWithItsPlace() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.yaml")
        try """
            id: broken
            version: 1
            title: 坏的 / Broken
            stages:
              - id: intake
                deadine: { working_days: 5 }
                transitions:
                  - { to: nowhere }
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try RetrofitProcess(directory: folder).run("workflow", "validate", file.path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("error: \(file.path):6:5: unknown key 'deadine' in a stage (did you mean 'deadline'?); expected one of: id, title, roles, deadline, minimum, warn_before, milestones, terminal, transitions, vote, objections"))
        #expect(lines.contains("error: \(file.path):8:15: transition 'nowhere' from 'intake' goes to unknown stage 'nowhere'"))
        #expect(lines.contains { $0.contains("no terminal stage") })
        #expect(lines.last == "error: 4 problems found")
    }

    @Test func aCaseOpenedWithTheFilesOnDiskRunsOnWithTheBuiltInOnes() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project")
        let workflows = project.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        let shipped = try #require(Fixtures.workflowFiles.first { $0.stem == "elevator-retrofit" })
        try Data(shipped.text.utf8).write(to: workflows.appendingPathComponent("elevator-retrofit.yaml"))
        var inProject = RetrofitProcess(directory: project)
        inProject.environment["RETROFIT_DB"] = folder.appendingPathComponent("shared.sqlite").path
        let opened = try inProject.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-1", "--at", "2025-05-06"] + CommandLineTests.intake)
        #expect(opened.status == 0, "\(opened)")
        var elsewhere = RetrofitProcess(directory: folder)
        elsewhere.environment["RETROFIT_DB"] = inProject.environment["RETROFIT_DB"]
        let second = try elsewhere.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-2", "--at", "2025-05-06"] + CommandLineTests.intake)
        #expect(second.status == 0, "the built-in copy must match the file: \(second)")
    }
}
