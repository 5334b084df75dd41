import DocWatchCore

/// Names of offices and bodies (国务院, 江苏省工业和信息化厅, 医技药剂党支部): issuers, never authors.
enum OfficeNames {
    /// Endings of office names.
    private static let endings = ["院", "部", "厅", "廳", "局", "委", "委员会", "委員會", "政府", "办公室", "辦公室", "办", "辦",
                                  "中心", "署", "处", "處", "行", "会", "會", "所", "室", "支部", "党委", "黨委", "协会", "協會", "集团", "集團", "公司"]

    /// Whether `token` (Han characters, at least two) ends like an office name.
    static func isOffice(_ token: some StringProtocol) -> Bool {
        token.unicodeScalars.count >= 2 && token.unicodeScalars.allSatisfy(Han.isIdeograph) && endings.contains { token.hasSuffix($0) }
    }
}
