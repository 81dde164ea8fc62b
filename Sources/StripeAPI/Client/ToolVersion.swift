/// The version of `reconcile`, in one place: `reconcile --version` prints it and every
/// request's `User-Agent` carries it. It lives in the client, the innermost target that
/// needs it. `scripts/release.sh` stamps a release's git tag (`v1.2.3`) over it.
public enum ToolVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let number = "0.2.0"
}
