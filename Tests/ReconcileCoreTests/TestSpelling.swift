@testable import ReconcileCore

extension OptionSpelling {
    /// Each option as its case in guillemets (`«maxDeletes(7)»`), unlike any flag: a test
    /// sees which way out a message names, and that the core typed none of its own.
    /// (`reconcile`'s own spelling is checked end to end.)
    static let test = OptionSpelling { "«\($0)»" }
}

extension ConfigLoadOptions {
    /// The bundled catalog only, hints spelled as ``OptionSpelling/test``.
    static let test = ConfigLoadOptions(spelling: .test)
}
