import Foundation

/// A listening socket on a free loopback port, for servers the tests script by hand.
enum LoopbackListener {
    /// The listening descriptor and the url of `/v1/webhook_endpoints` on it.
    static func open() throws -> (socket: Int32, url: URL) {
        let fd = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return (fd, URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/v1/webhook_endpoints")!)
    }
}
