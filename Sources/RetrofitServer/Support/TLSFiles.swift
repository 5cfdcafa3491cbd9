import HummingbirdTLS
import NIOSSL
import RetrofitApp

/// The server's TLS configuration from PEM files.
enum TLSFiles {
    static func configuration(_ files: (certificatePath: String, keyPath: String)) throws(AppError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath)
        } catch {
            throw AppError(.badInput, "the TLS certificate \(files.certificatePath) cannot be read as PEM: \(error)")
        }
        guard !chain.isEmpty else { throw AppError(.badInput, "the TLS certificate \(files.certificatePath) holds no certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.keyPath, format: .pem)
        } catch {
            throw AppError(.badInput, "the TLS key \(files.keyPath) cannot be read as a PEM private key: \(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}
