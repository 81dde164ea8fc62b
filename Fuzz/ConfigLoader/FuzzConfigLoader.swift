import Foundation
import ReconcileCore

/// libFuzzer entry: bytes as a config file, loaded as `reconcile validate` loads one,
/// then planned against an empty account and rendered. Beyond not crashing, hanging or
/// leaking: diagnostics and plans never print a control character (newlines and a quoted
/// line's tabs aside).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigLoader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let environment = ["HOOKS": "https://hooks.example.com", "MAX": "9223372036854775807", "EMPTY": ""]
    let options = ConfigLoadOptions(spelling: spelling, allowUnknownEvents: data.count % 2 == 0)
    switch ConfigLoader.load(data: data, path: "fuzz.yaml", environment: environment, options: options) {
    case .success(let config):
        let plan = Planner.plan(config: config, observed: [])
        let report = RunReport(dryRun: true, accounts: [AccountReport(configPath: config.path, owner: config.stripe.owner, plan: plan, outcome: .planned)])
        for text in [TextRenderer(spelling: spelling).render(report), MarkdownRenderer.render(report, spelling: spelling)] {
            check(text, allowing: ["\n"])
        }
        _ = JSONRenderer.render(report, spelling: spelling)
    case .failure(let errors):
        check(errors.rendered(), allowing: ["\n", "\t"])
    }
    return 0
}

/// Options named by their cases: the harness has no command line, and what is checked
/// (no control character printed) does not depend on how they are typed.
private let spelling = OptionSpelling { "\($0)" }

private func check(_ text: String, allowing allowed: Set<Unicode.Scalar>) {
    if let bad = text.unicodeScalars.first(where: { TerminalText.isControl($0) && !allowed.contains($0) }) {
        fatalError("control character U+\(String(bad.value, radix: 16)) printed:\n\(text.debugDescription)")
    }
}

// SwiftPM links an executable target with `main` aliased to `fuzz_config_main`; libFuzzer's
// own `main` is replaced by this one, which hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt

@_cdecl("fuzz_config_main")
func fuzzConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzConfigLoader($0, $1) }
}
