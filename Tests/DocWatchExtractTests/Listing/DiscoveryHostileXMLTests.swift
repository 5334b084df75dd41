import Foundation
import Testing
@testable import DocWatchExtract

#if canImport(Glibc)
import Glibc
#endif

/// XML from the network may try to read local files, reach other hosts or exhaust memory through
/// entities (XXE, billion laughs). None of it may work: entities are never loaded nor expanded.
@Suite("Hostile XML")
struct DiscoveryHostileXMLTests {
    static func feed(doctype: String, title: String) -> [UInt8] {
        Array("""
        <?xml version="1.0"?>
        \(doctype)
        <rss version="2.0"><channel><title>\(title)</title>
        <item><title>\(title)</title><link>http://www.example.cn/1.html</link></item></channel></rss>
        """.utf8)
    }

    @Test("an external entity naming /etc/passwd is not expanded", arguments: ["file:///etc/passwd", "/etc/passwd"])
    func fileEntity(_ systemID: String) throws {
        let bytes = Self.feed(doctype: "<!DOCTYPE rss [<!ENTITY x SYSTEM \"\(systemID)\">]>", title: "before &x; after")
        let feed = try FeedParser.parse(bytes)
        #expect(feed.title == "before after")
        #expect(feed.entries.map(\.title) == ["before after"])
        #expect(!"\(feed)".contains("root:"))
    }

    @Test("an external entity naming a file we wrote is not read")
    func canaryFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-xxe-\(UUID().uuidString).txt").path
        try "CANARY-4711".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Self.feed(doctype: "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://\(path)\">]>", title: "&x;")
        let feed = try FeedParser.parse(bytes)
        #expect(!"\(feed)".contains("CANARY"))
        #expect(feed.entries.count == 1)
    }

    @Test("entities, DTDs and parameter entities on a loopback server are never fetched")
    func noNetwork() throws {
        let listener = try LoopbackListener()
        let base = "http://127.0.0.1:\(listener.port)"
        let doctypes = [
            "<!DOCTYPE rss SYSTEM \"\(base)/rss.dtd\">",
            "<!DOCTYPE rss [<!ENTITY x SYSTEM \"\(base)/entity\">]>",
            "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"\(base)/parameter.dtd\"> %p;]>",
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"\(base)/rss-0.91.dtd\">",
        ]
        for doctype in doctypes {
            let feed = try? FeedParser.parse(Self.feed(doctype: doctype, title: "t &x; t"))
            #expect(feed.map { !"\($0)".contains("HTTP") } ?? true)
        }
        let sitemap = Array("""
        <?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "\(base)/loc">]>
        <urlset><url><loc>http://www.example.cn/&x;</loc></url></urlset>
        """.utf8)
        _ = try? SitemapParser.parse(sitemap, sitemapURL: "http://www.example.cn/sitemap.xml", follow: nil)
        #expect(listener.connectionsWaiting() == 0)
    }

    @Test("the loopback listener does count a connection made to it")
    func listenerCounts() throws {
        let listener = try LoopbackListener()
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = LoopbackListener.address(port: listener.port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        #expect(listener.connectionsWaiting() == 1)
    }

    @Test("an external entity in an attribute yields nothing")
    func attributeEntity() throws {
        let atom = Array("""
        <?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/hostname">]>
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title><link href="&x;"/></entry></feed>
        """.utf8)
        let feed = try? FeedParser.parse(atom)
        #expect(feed?.entries.isEmpty ?? true)
    }

    @Test("a billion laughs neither expands nor exhausts memory")
    func billionLaughs() {
        var doctype = "<!DOCTYPE rss [<!ENTITY lol0 \"lol\">"
        for level in 1...10 {
            let previous = "&lol\(level - 1);"
            doctype += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        doctype += "]>"
        let feed = try? FeedParser.parse(Self.feed(doctype: doctype, title: "&lol10;"))
        #expect((feed?.title ?? "").count < 100)
        #expect((feed?.entries.first?.title ?? "").count < 100)
    }
}

/// A TCP socket listening on a free loopback port that never accepts: connection attempts queue up
/// and can be counted afterwards, so no test needs to wait.
final class LoopbackListener {
    struct Failure: Error { let call: String }

    let descriptor: Int32
    let port: UInt16

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure(call: "socket") }
        var address = Self.address(port: 0)
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, size) }
        }
        guard bound == 0, listen(socketDescriptor, 16) == 0 else {
            close(socketDescriptor)
            throw Failure(call: "bind/listen")
        }
        var length = size
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        _ = fcntl(socketDescriptor, F_SETFL, fcntl(socketDescriptor, F_GETFL) | O_NONBLOCK)
        descriptor = socketDescriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// 127.0.0.1:`port` as a socket address.
    static func address(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = port.bigEndian
        return address
    }

    /// Accepts (and closes) every connection already made; how many there were.
    func connectionsWaiting() -> Int {
        var count = 0
        while true {
            let connection = accept(descriptor, nil, nil)
            if connection < 0 { return count }
            close(connection)
            count += 1
        }
    }

    deinit { close(descriptor) }
}
