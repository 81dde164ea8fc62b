/// A way out a message points to: an option to pass or a command to run. The core says
/// which; the tool running it says how it is typed (``OptionSpelling``), so the core
/// spells no flag of a command line it does not parse.
public enum ToolOption: Sendable, Equatable {
    /// Delete any number of endpoints whose triggers are gone.
    case allowDeletes
    /// Delete at most this many of them.
    case maxDeletes(Int)
    /// Replace endpoints, which gives them new signing secrets.
    case allowReplace
    /// Collect new endpoints' signing secrets in a file.
    case secretsOut
    /// Plan without writing, and save the plan to a file to apply later.
    case savePlan
    /// Accept a well-formed event type the bundled catalog lacks.
    case allowUnknownEvents
    /// Accept a well-formed API version the bundled list lacks.
    case allowUnknownAPIVersions
    /// Search the bundled event types by a word.
    case searchEvents
}
