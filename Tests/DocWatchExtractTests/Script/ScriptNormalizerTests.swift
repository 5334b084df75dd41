@testable import DocWatchExtract
import Synchronization
import Testing

/// A converter that counts its calls and converts through OpenCC, so a test sees whether the
/// normaliser called it.
private final class CountingConverter: ScriptConverter {
    let calls = Mutex(0)

    func convert(_ text: String) -> String {
        calls.withLock { $0 += 1 }
        return OpenCCConverter.t2s.convert(text)
    }
}

@Suite("Traditional → Simplified: OpenCC only where it can change something")
struct ScriptNormalizerTests {
    @Test("Simplified and non-Chinese text comes back unchanged without a call to the converter", arguments: [
        NamedText(name: "empty", text: ""),
        NamedText(name: "English", text: "The State Council issued a notice on 3 March 2025."),
        NamedText(name: "a Simplified news paragraph", text: "江苏是制造业大省，推动制造业复工复产，事关经济平稳运行、社会稳定发展。"),
        NamedText(name: "a Simplified policy title with a document number", text: "关于印发《先进制造业集群产业强链三年行动计划》的通知 苏政办发〔2020〕4号"),
        NamedText(name: "figures and full-width punctuation", text: "人员返岗率由75.6%提升至９４％；"),
        NamedText(name: "Japanese kana", text: "ひらがなとカタカナ"),
        NamedText(name: "phrase anchors outside their phrases (覆盖, 沈阳)", text: "重点场所5G网络覆盖率达到84%，沈阳市"),
    ])
    func simplifiedSkipsTheConverter(_ example: NamedText) {
        let converter = CountingConverter()
        let normalizer = ScriptNormalizer(converter: converter)
        #expect(normalizer.toSimplified(example.text) == example.text)
        #expect(converter.calls.withLock { $0 } == 0)
    }

    @Test("Traditional and mixed text converts exactly as OpenCC converts it, phrase-only characters included", arguments: [
        NamedText(name: "a Traditional sentence", text: "國務院辦公廳關於進一步優化營商環境的通知"),
        NamedText(name: "Traditional inside Simplified", text: "江苏省政府召开新闻发布会，會議由省長主持。"),
        NamedText(name: "one Traditional character", text: "推动制造业复工复产，事关經济平稳运行"),
        NamedText(name: "覆 changes only in phrases (回覆)", text: "请尽快回覆"),
        NamedText(name: "覆 changes only in phrases (反覆)", text: "他反反覆覆地说"),
        NamedText(name: "藉 changes only in phrases (藉口)", text: "不要找藉口"),
        NamedText(name: "瞭 changes only in phrases (瞭解)", text: "一目瞭然，充分瞭解情况"),
        NamedText(name: "沈 changes only in phrases (沈默)", text: "会场一片沈默"),
        NamedText(name: "牴 changes only in phrases (牴牾)", text: "两者互相牴牾"),
        NamedText(name: "a supplementary-plane character", text: "𨋢字"),
    ])
    func traditionalConvertsAsOpenCC(_ example: NamedText) {
        let converter = CountingConverter()
        let converted = ScriptNormalizer(converter: converter).toSimplified(example.text)
        let expected = OpenCCConverter.t2s.convert(example.text)
        #expect(converted == expected)
        #expect(converted != example.text)
        #expect(converter.calls.withLock { $0 } == 1)
        #expect(ScriptNormalizer.shared.toSimplified(example.text) == expected)
    }

    @Test("every character OpenCC's t2s changes on its own is in the generated table")
    func everyChangingCharacterIsAStart() {
        var source = String.UnicodeScalarView()
        var probed: [Unicode.Scalar] = []
        for value in UInt32(0x3400)...0x3_134F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            probed.append(scalar)
            source.append(scalar)
            source.append("\n")
        }
        let lines = OpenCCConverter.t2s.convert(String(source)).unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= probed.count)
        let missing = zip(probed, lines).filter { scalar, line in
            !(line.count == 1 && line.first == scalar) && !TraditionalText.characters.contains(scalar)
        }.map { String($0.0) }
        #expect(missing.isEmpty, "regenerate with scripts/generate-t2s-entries.sh: \(missing.prefix(20).joined())")
    }

    @Test("every phrase-only entry converts under OpenCC and holds an anchor; nothing lies below U+3400")
    func phraseTable() {
        for phrase in TraditionalText.phrases {
            #expect(OpenCCConverter.t2s.convert(phrase) != phrase, "\(phrase)")
            #expect(phrase.unicodeScalars.contains { TraditionalText.anchors.contains($0) }, "\(phrase)")
        }
        #expect(!(0..<0x3400).contains { TraditionalText.characters.contains(UInt32($0)) || TraditionalText.anchors.contains(UInt32($0)) })
    }

    @Test("the fact fold maps each ideograph as OpenCC maps it alone, also when no frequent Traditional character is present", arguments: [
        NamedText(name: "a frequent Traditional character", text: "國務院"),
        NamedText(name: "only a rare Traditional character (鳬)", text: "野鳬"),
        NamedText(name: "Simplified", text: "国务院办公厅"),
    ])
    func foldMatchesOpenCC(_ example: NamedText) {
        let values = example.text.unicodeScalars.map(\.value)
        let expected = example.text.unicodeScalars.map { scalar in
            let converted = OpenCCConverter.t2s.convert(String(scalar)).unicodeScalars
            return converted.count == 1 ? converted.first?.value ?? scalar.value : scalar.value
        }
        #expect(ScriptFold.fold(values) == expected)
    }
}
