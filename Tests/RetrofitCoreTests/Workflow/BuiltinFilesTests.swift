import Foundation
import RetrofitBuiltins
import Testing

@Suite("The binary embeds the shipped files byte for byte")
struct BuiltinFilesTests {
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1, !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    @Test func everyWorkflowAndCalendarFileIsEmbeddedExactly() throws {
        var onDisk: [String: Data] = [:]
        for folder in ["workflows", "calendars"] {
            let directory = Self.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yaml") {
                onDisk["\(folder)/\(name)"] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        #expect(Set(onDisk.keys) == Set(BuiltinFiles.all.keys))
        for (key, data) in onDisk {
            // The same bytes, so a database made with ./workflows and one made with the built-ins agree on digests.
            #expect(Data((BuiltinFiles.all[key] ?? "").utf8) == data, "\(key) differs from its embedded copy")
        }
    }
}
