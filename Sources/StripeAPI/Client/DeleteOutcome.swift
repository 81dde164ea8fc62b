/// How a delete ended.
public enum DeleteOutcome: Sendable, Equatable {
    /// Stripe deleted the endpoint now.
    case deleted
    /// Stripe answered 404: the endpoint was already gone (deleted by an earlier attempt
    /// whose response was lost, or by someone else). Either way the goal is met.
    case alreadyGone
}
