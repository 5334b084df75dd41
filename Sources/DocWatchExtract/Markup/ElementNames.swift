import CLibXML2

/// Element names and kinds by libxml2's name pointer, for one parse.
///
/// libxml2 interns every tag name in its parser dictionary (and names implied elements with C
/// literals), so within a parse one pointer is always one name: each name becomes a `String` and
/// is looked up in `ElementKind` once, not once per element.
struct ElementNames {
    private static let slots = 512
    private var keys = [UnsafePointer<xmlChar>?](repeating: nil, count: slots)
    private var values = [(name: String, kind: ElementKind)](repeating: ("", []), count: slots)
    private var filled = 0

    /// The name at `pointer` and its kind.
    mutating func lookup(_ pointer: UnsafePointer<xmlChar>) -> (name: String, kind: ElementKind) {
        let mask = Self.slots - 1
        var slot = Int(truncatingIfNeeded: ((UInt(bitPattern: pointer) >> 3) &* 0x9E37_79B9_7F4A_7C15) >> 55) & mask
        while let key = keys[slot] {
            if key == pointer { return values[slot] }
            slot = (slot + 1) & mask
        }
        let name = String(cString: pointer)
        let entry = (name: name, kind: ElementKind.of(name))
        // Past half full, probing gets long: names a page makes up beyond that are looked up each time.
        if filled < Self.slots / 2 {
            keys[slot] = pointer
            values[slot] = entry
            filled += 1
        }
        return entry
    }
}
