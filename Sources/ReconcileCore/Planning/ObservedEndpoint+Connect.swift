extension ObservedEndpoint {
    /// Whether the endpoint receives events of connected accounts. Stripe never returns
    /// `connect`; a Connect endpoint shows a non-null `application`, and ours carry a mark.
    public var isConnect: Bool {
        application != nil || metadata[OwnershipMarks.connect] == "true"
    }
}
