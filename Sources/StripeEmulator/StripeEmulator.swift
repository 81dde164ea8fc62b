/// A local Stripe emulator for webhook endpoints.
public enum StripeEmulator {}
