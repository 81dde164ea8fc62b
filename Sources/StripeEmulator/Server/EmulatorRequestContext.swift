import Hummingbird
import NIOCore

/// Hummingbird's request context plus the channel, so a dropped connection can be closed.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
