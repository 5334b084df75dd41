import DocWatchCore

/// Turns figures into `percent`, `change` and `quantity` facts.
///
/// Two figures joined as a change (由75.6%提升至94%) make one `change` fact, not two percents.
enum FigureFacts {
    private static let fromMarks = ScalarSet("由从")
    private static let toMarks = ScalarSet("至到为")
    /// How far before a figure its 由/从 may stand (从1月28日不足100万只).
    private static let fromReach = 12
    /// How long the verb between the two figures of a change may be: at least a verb and 至/到
    /// (a bare 从350元至1000元 is a range), at most 大幅提升到最高.
    private static let verbLength = 2...8

    static func facts(from figures: [Figure], in text: ScalarText) -> [Fact] {
        var facts: [Fact] = []
        var floor = 0
        var index = 0
        while index < figures.count {
            let figure = figures[index]
            if index + 1 < figures.count, let change = change(figure, figures[index + 1], in: text, floor: floor) {
                facts.append(change)
                floor = figures[index + 1].range.upperBound
                index += 2
                continue
            }
            if figure.isPercent {
                facts.append(percent(figure, in: text, floor: floor))
            } else if figure.isMeasure {
                facts.append(Fact(
                    kind: .quantity, text: text.original(figure.range), offset: figure.range.lowerBound,
                    value: figure.value, unit: figure.unit, qualifier: figure.qualifier
                ))
            }
            floor = figure.range.upperBound
            index += 1
        }
        return facts
    }

    private static func percent(_ figure: Figure, in text: ScalarText, floor: Int) -> Fact {
        let subject = SubjectFinder.before(figure.range.lowerBound, in: text, floor: floor)
            ?? SubjectFinder.after(trailingQualifierEnd(figure, in: text), in: text)
        return Fact(
            kind: .percent, text: text.original(figure.range), offset: figure.range.lowerBound, value: figure.value,
            subject: subject.map(text.original)
        )
    }

    /// Past a 以上/左右 that follows a percent, where the words after it may begin.
    private static func trailingQualifierEnd(_ figure: Figure, in text: ScalarText) -> Int {
        let end = figure.range.upperBound
        return end + (FigureWords.trailingQualifiers.match(in: text, at: end)?.length ?? 0)
    }

    private static func change(_ old: Figure, _ new: Figure, in text: ScalarText, floor: Int) -> Fact? {
        guard new.isMeasure, old.isPercent == new.isPercent,
              old.isPercent || old.unit == nil || new.unit == nil || old.unit == new.unit,
              let trigger = fromMark(before: old.range.lowerBound, in: text, floor: floor)
        else { return nil }
        let gap = old.range.upperBound..<new.range.lowerBound
        guard verbLength.contains(gap.count), gap.allSatisfy({ Han.isIdeograph(text[$0]) }),
              gap.contains(where: { toMarks.contains(text[$0]) })
        else { return nil }
        let subject = SubjectFinder.before(trigger, in: text, floor: floor)
        let start = subject?.lowerBound ?? trigger
        return Fact(
            kind: .change, text: text.original(start..<new.range.upperBound), offset: start,
            unit: old.isPercent ? "%" : (new.unit ?? old.unit), subject: subject.map(text.original),
            from: old.value, to: new.value
        )
    }

    /// The 由/从 that opens a change, at most `fromReach` scalars before `start`, within one clause.
    private static func fromMark(before start: Int, in text: ScalarText, floor: Int) -> Int? {
        var index = start - 1
        while index >= max(floor, start - fromReach) {
            let value = text[index]
            if fromMarks.contains(value) { return index }
            guard Han.isIdeograph(value) || ScalarClass.isDigit(value) else { return nil }
            index -= 1
        }
        return nil
    }
}
