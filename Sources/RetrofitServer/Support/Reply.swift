import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RetrofitApp

/// What a route answers before it becomes a response: kept whole so that a keyed request's answer can be
/// recorded and sent again byte for byte.
public struct Reply: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data
    /// The case version the body shows (`ETag: "VERSION"`).
    public var version: Int?
    public var headers: [(HTTPField.Name, String)] = []

    public init(status: Int = 200, contentType: String, body: Data, version: Int? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.version = version
    }

    /// A result as JSON, in the encoding the CLI's `--json` prints.
    public static func json(_ value: some Encodable, status: Int = 200, version: Int? = nil) throws(AppError) -> Reply {
        Reply(status: status, contentType: "application/json; charset=utf-8", body: try RetrofitJSON.encoded(value), version: version)
    }

    public static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Reply {
        Reply(contentType: contentType, body: Data(text.utf8))
    }

    public static var noContent: Reply { Reply(status: 204, contentType: "", body: Data()) }

    /// A recorded answer to a keyed request, sent again.
    init(recorded: RecordedResponse) {
        self.init(status: recorded.status, contentType: recorded.contentType, body: Data(recorded.body))
    }

    var recorded: RecordedResponse { RecordedResponse(status: status, contentType: contentType, body: [UInt8](body)) }

    func response() -> Response {
        var fields = HTTPFields()
        if !contentType.isEmpty { fields[.contentType] = contentType }
        if let version { fields[.eTag] = "\"\(version)\"" }
        for (name, value) in headers { fields.append(HTTPField(name: name, value: value)) }
        return Response(status: HTTPResponse.Status(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
