import Foundation

/// libFuzzer entry: bytes as one HTTP request to the emulator (method, target, headers,
/// body), handled as the server hands it over. Compiled into the emulator's core sources
/// (scripts/fuzz.sh). Checks, beyond not crashing: every answer has a real HTTP status and
/// a JSON body, and the state survives a save and a load.
///
/// Input layout: the first byte picks the method; the rest is split at the first two NUL
/// bytes into the target (`/v1/...?query`), header lines (`name: value`), and the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmulator(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    guard let first = bytes.first else { return 0 }
    let methods = ["GET", "POST", "DELETE", "PUT"]
    let parts = bytes.dropFirst().split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { Array($0) }
    let target = parts.count > 0 ? String(decoding: parts[0], as: UTF8.self) : "/v1/webhook_endpoints"
    var headers = ["authorization": "Bearer sk_test_fuzz123"]
    if parts.count > 1 {
        for line in String(decoding: parts[1], as: UTF8.self).split(separator: "\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces)
        }
    }
    let body = parts.count > 2 ? parts[2] : []
    let (path, query) = target.split(separator: "?", maxSplits: 1).map(String.init).splitTarget
    let request = EmulatorRequest(method: methods[Int(first) % methods.count], path: path, query: query, headers: headers, body: body)
    FuzzState.requests += 1
    // A fresh emulator now and then, so state found by earlier inputs matters, but is bounded.
    if FuzzState.requests % 1000 == 0 { FuzzState.emulator.reset() }
    let outcome = FuzzState.emulator.handle(request)
    if let response = outcome.response {
        precondition((100...599).contains(response.status), "status \(response.status)")
        precondition((try? JSONSerialization.jsonObject(with: Data(response.body))) != nil, "not JSON: \(response.bodyText)")
    }
    if FuzzState.requests % 100 == 0 {
        let encoded = try! JSONEncoder().encode(FuzzState.emulator.snapshot())
        _ = try! JSONDecoder().decode(EmulatorSnapshot.self, from: encoded)
    }
    return 0
}

/// The emulator every input talks to, with a stopped clock, no rate limit and fixed seeds.
enum FuzzState {
    nonisolated(unsafe) static var requests = 0
    static let emulator = Emulator(
        configuration: EmulatorConfiguration(rateLimit: nil, faultSeed: 1, idSeed: 1),
        clock: ManualEmulatorClock())
}

private extension Array where Element == String {
    var splitTarget: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}
