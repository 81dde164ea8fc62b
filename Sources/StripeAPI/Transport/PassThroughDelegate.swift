import Foundation
#if canImport(FoundationNetworking)
@preconcurrency import FoundationNetworking
#endif

/// The delegate of ``URLSessionTransport``'s session: no authentication, no redirects.
///
/// Stripe's 401 carries `WWW-Authenticate: Basic realm="Stripe"`. libcurl-based
/// URLSession on Linux turns it into a challenge: default handling then waits until the
/// request times out, and declining it fails the task as cancelled. So the delegate
/// declines the challenge and keeps the 401's status and headers, for the transport to
/// return as the response. Redirects are refused: Stripe sends none, and following one
/// would send the key wherever it points.
final class PassThroughDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var refusals: [Int: HTTPURLResponse] = [:]

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        if let response = challenge.failureResponse as? HTTPURLResponse {
            lock.withLock { refusals[task.taskIdentifier] = response }
        }
        completionHandler(.rejectProtectionSpace, nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// The refused response of task `identifier`, if its challenge was declined; forgets it.
    func takeRefusal(of identifier: Int?) -> HTTPURLResponse? {
        guard let identifier else { return nil }
        return lock.withLock { refusals.removeValue(forKey: identifier) }
    }
}

/// A data task shared between its completion handler and a cancellation handler that
/// may run before the task exists.
final class TaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    /// The task's identifier, once started.
    var identifier: Int? {
        lock.withLock { task?.taskIdentifier }
    }

    /// Records and resumes `task`, or cancels it if cancellation came first.
    func start(_ task: URLSessionDataTask) {
        let cancelNow = lock.withLock {
            self.task = task
            return cancelled
        }
        task.resume()
        if cancelNow { task.cancel() }
    }

    /// Cancels the task, now or as soon as it starts.
    func cancel() {
        let running = lock.withLock {
            cancelled = true
            return task
        }
        running?.cancel()
    }
}
