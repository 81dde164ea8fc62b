import Testing

/// The controller's end-to-end suites (watch, logs, metrics, shards, bursts), run one after
/// the other: each starts emulators and `reconcile` processes that tick, and run all at
/// once beside the rest of the tests they starved the two cores of this machine enough to
/// push other suites' time bounds over.
@Suite(.serialized) enum ControllerEndToEndTests {}
