/// The Stripe client for webhook endpoints.
public enum StripeAPI {}
