import Crypto
import Foundation

/// The `Stripe-Signature` header, computed as Stripe computes it: `t=UNIX,v1=HEX`, where
/// HEX is the HMAC-SHA256 of `"{t}.{raw body}"` keyed with the endpoint's whole `whsec_`
/// secret (the SDKs key it with the secret's UTF-8 bytes, prefix included).
enum WebhookSignature {
    static func header(secret: String, timestamp: Int, payload: [UInt8]) -> String {
        "t=\(timestamp),v1=\(signature(secret: secret, timestamp: timestamp, payload: payload))"
    }

    /// The lower-case hex `v1` value.
    static func signature(secret: String, timestamp: Int, payload: [UInt8]) -> String {
        var signed = Array("\(timestamp).".utf8)
        signed.append(contentsOf: payload)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Array(secret.utf8)))
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
