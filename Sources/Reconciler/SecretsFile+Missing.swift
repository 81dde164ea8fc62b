import ReconcileCore

extension SecretsFile {
    /// The endpoints `plan` keeps whose signing secret this file does not hold: no entry
    /// for the trigger, or one naming another endpoint.
    ///
    /// Stripe shows a secret only in the create response, so reconcile cannot fetch it
    /// again; it happens when a create's response was lost beyond every retry, or when
    /// the endpoint was adopted or made before the file was used. Such endpoints are
    /// reported, never replaced on their own: a replace would rotate the secret every
    /// receiver checks, and the Dashboard still shows the current one.
    public func missing(in plan: Plan) -> [(trigger: String, endpointID: String)] {
        plan.actions.compactMap { planned in
            guard let trigger = planned.trigger else { return nil }
            switch planned.action {
            case .unchanged(let id), .update(let id, _), .adopt(let id, _):
                return entry("\(plan.owner)/\(trigger)")?.endpoint_id == id ? nil : (trigger, id)
            case .create, .replace, .delete:
                return nil
            }
        }
    }
}
