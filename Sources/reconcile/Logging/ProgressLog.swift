import Logging
import ReconcileCore
import Reconciler

/// A run's progress as log lines, for a controller and for `--log-format json`: each
/// action applied (info), each account that failed (error) or was refused (warning).
struct ProgressLog: Sendable {
    let logger: Logger

    func report(_ progress: RunProgress) async {
        switch progress {
        case .applied(let config, let done):
            var fields: Logger.Metadata = ["account": .string(config), "action": .string(done.planned.action.name)]
            if let trigger = done.planned.trigger { fields["trigger"] = .string(trigger) }
            if let id = done.created?.id ?? done.planned.endpointID { fields["endpoint_id"] = .string(id) }
            logger.info("applied", metadata: fields)
        case .planned:
            break
        case .finished(let report):
            // A failure before planning is reported again as finished: logged once, here.
            switch report.outcome {
            case .failed(let message, let completed):
                logger.error("account failed: \(message)", metadata: ["account": .string(report.configPath), "completed": .stringConvertible(completed)])
            case .refused:
                logger.warning("plan refused by a safety rule; nothing was written to this account", metadata: ["account": .string(report.configPath)])
            case .planned, .applied:
                break
            }
        }
    }
}
