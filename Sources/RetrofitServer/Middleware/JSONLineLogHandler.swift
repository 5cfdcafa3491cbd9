import Foundation
import Logging

/// A log handler writing one JSON object a line to standard error (`--log-format json`), for log collectors.
public struct JSONLineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let time: @Sendable () -> String

    /// - Parameter time: the time each line carries, from the application's clock.
    public init(label: String, time: @escaping @Sendable () -> String) {
        self.label = label
        self.time = time
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = ["time": time(), "level": event.level.rawValue, "label": label, "message": event.message.description]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { fields[key] = "\(value)" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(fields) else { return }
        data.append(0x0A)
        FileHandle.standardError.write(data)
    }
}
