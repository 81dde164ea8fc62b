import Foundation

/// libFuzzer entry: bytes as a Stripe response body, read as Stripe's client reads one.
/// Compiled into the StripeAPI sources it exercises (scripts/fuzz.sh), so internal API is
/// in reach. Any crash, hang or leak is a finding; refusals are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    if let json = try? JSON.parse(data) {
        _ = json == json
        _ = json["data"]
    }
    _ = try? WebhookEndpoint(jsonData: data)
    _ = try? WebhookEndpointList(jsonData: data)
    _ = try? DeletedObject(jsonData: data)
    _ = StripeErrorBody.parse(data)
    return 0
}
