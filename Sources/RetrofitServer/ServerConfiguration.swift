/// How `retrofit serve` listens and what it trusts: everything the command line decides, nothing the application does.
public struct ServerConfiguration: Sendable {
    /// How each request's log line is written.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text
        case json
    }

    /// The address to listen on; loopback unless a public address is chosen on purpose.
    public var host: String
    /// Zero: any free port (tests).
    public var port: Int
    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from the proxy in front; cookies are then always `Secure`.
    public var behindProxy: Bool
    /// The certificate chain and private key (PEM files) when the server itself speaks TLS; cookies are then `Secure`.
    public var tls: (certificatePath: String, keyPath: String)?
    public var logFormat: LogFormat
    /// The largest JSON body accepted, in bytes.
    public var maximumJSONBody: Int
    /// The largest CSV upload accepted, in bytes.
    public var maximumCSVBody: Int
    /// The most connections open at once; further connections wait in the listen backlog.
    public var maximumConnections: Int
    /// A connection with no request in flight is closed after this many seconds.
    public var idleTimeoutSeconds: Int64

    public init(host: String = "127.0.0.1", port: Int = 8080, behindProxy: Bool = false, tls: (certificatePath: String, keyPath: String)? = nil,
                logFormat: LogFormat = .text, maximumJSONBody: Int = 1 << 20, maximumCSVBody: Int = 20 << 20,
                maximumConnections: Int = 512, idleTimeoutSeconds: Int64 = 60) {
        self.host = host
        self.port = port
        self.behindProxy = behindProxy
        self.tls = tls
        self.logFormat = logFormat
        self.maximumJSONBody = maximumJSONBody
        self.maximumCSVBody = maximumCSVBody
        self.maximumConnections = maximumConnections
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// Whether the session cookie carries `Secure`: the browser reaches the service over HTTPS.
    public var secureCookies: Bool { tls != nil || behindProxy }

    /// `HOST:PORT` as given to `--listen`, checked; IPv6 addresses in brackets (`[::1]:8080`).
    public static func listenAddress(_ text: String) -> (host: String, port: Int)? {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, portText.count <= 5, let port = Int(portText), (0...65_535).contains(port) else { return nil }
        return (String(host), port)
    }
}
