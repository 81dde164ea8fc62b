/// The reconcile engine.
public enum Reconciler {}
