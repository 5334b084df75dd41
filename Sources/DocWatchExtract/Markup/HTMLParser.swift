import CLibXML2

/// Parses HTML (already decoded to UTF-8) with libxml2's forgiving HTML parser into `HTMLNode`s.
///
/// libxml2 parses and repairs (implied `html`/`body`, auto-closed `p`, misnested tags); its SAX
/// events build the `HTMLNode`s directly (`HTMLTreeBuilder`), so libxml2 never builds, nor frees,
/// a tree of its own.
/// Only the attributes some stage reads are kept (`HTMLAttributes.kept`: id, class, href, rel,
/// type, title, meta names and content …); add a name there before reading a new one.
/// Broken markup is repaired, never rejected; libxml2 never touches the network (`HTML_PARSE_NONET`)
/// and prints nothing; `XML_PARSE_HUGE` lifts its 256-element depth limit (past which it stopped
/// and the page's text was lost), and `maxDepth` bounds the tree. `script`, `style`, `noscript`,
/// `template`, comments and processing instructions are dropped here, so no later stage sees them.
public enum HTMLParser {
    public static func parse(_ html: String) -> HTMLNode {
        LibXML.setUp()
        var source = html
        var filtered = source.withUTF8 { MarkupPrefilter.strip($0) }
        return filtered.withUnsafeMutableBufferPointer { buffer in
            HTMLTreeBuilder.build { events, user in
                guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    _ = docwatch_html_parse(pointer, Int32(buffer.count), options, events, user)
                }
            }
        }
    }

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue | XML_PARSE_HUGE.rawValue
        | HTML_PARSE_NODEFDTD.rawValue)

    /// How deep the tree goes. Elements below are left out and their children lifted to the
    /// deepest kept ancestor, a block leaving a `<br>` on each side so its lines stay apart,
    /// so every recursive walk of the tree (and its release) stays within a small stack.
    /// Real pages nest 20–60 deep; markup nested thousands deep keeps its text.
    static let maxDepth = 200
}

/// One-time libxml2 set-up: silence its stderr messages, refuse external entities everywhere.
enum LibXML {
    private static let once: Void = {
        xmlInitParser()
        docwatch_xml_silence()
        docwatch_xml_forbid_external_entities()
    }()

    static func setUp() { _ = once }
}
