/// Splits byline values into person names: `谷伟 潘荣 徐苏宁`, `常书香、马丹阳`, `本报记者 葛灵丹`.
enum PersonNames {
    private static let prefixes = ["本报记者", "本報記者", "本报通讯员", "本报", "本報", "记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "特约", "特約", "见习", "見習"]
    private static let suffixes = ["报道", "報道", "报导", "報導", "摄影", "攝影", "摄", "攝", "整理", "编译", "編譯"]
    private static let separators: Set<Unicode.Scalar> = [" ", "\u{3000}", "\u{A0}", "、", "，", ",", ";", "；", "/", "／", "|"]

    /// The names at the start of `value`, up to the first token that is no name.
    static func names(in value: String) -> [String] {
        var names: [String] = []
        for rawToken in tokens(of: value) {
            var token = rawToken
            for prefix in prefixes where token.hasPrefix(prefix) && token.count > prefix.count {
                token = String(token.dropFirst(prefix.count))
                break
            }
            if prefixes.contains(token) { continue }
            for suffix in suffixes where token.hasSuffix(suffix) && token.count > suffix.count + 1 {
                token = String(token.dropLast(suffix.count))
                break
            }
            if suffixes.contains(token) { break }
            guard isName(token) else { break }
            if !names.contains(token) { names.append(token) }
        }
        return names
    }

    /// Two to four Han characters (a Chinese personal name), or a short Latin name.
    static func isName(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        if scalars.allSatisfy(CharacterClass.isHan) { return (2...4).contains(scalars.count) }
        return false
    }

    private static func tokens(of value: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if separators.contains(scalar) || CharacterClass.isSpace(scalar) {
                if !current.isEmpty { out.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }
}
