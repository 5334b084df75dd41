@testable import DocWatchExtract
import Foundation
import Testing

/// The date forms Chinese sites print, each as a named case.
@Suite struct DateScannerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let published: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "dashes with minutes", text: "发布时间：2020-04-15 10:30", published: "2020-04-15T10:30:00+08:00"),
        Case(name: "slashes with seconds", text: "2024/8/6 8:39:00", published: "2024-08-06T08:39:00+08:00"),
        Case(name: "Chinese date", text: "2020年2月26日", published: "2020-02-26"),
        Case(name: "Chinese date and time glued", text: "2022年02月13日07:48 | 来源：", published: "2022-02-13T07:48:00+08:00"),
        Case(name: "Chinese hour and minute marks", text: "2020年4月15日 18时06分", published: "2020-04-15T18:06:00+08:00"),
        Case(name: "dots", text: "2020.04.15", published: "2020-04-15"),
        Case(name: "ISO 8601 keeps its offset", text: "2020-04-15T10:06:00Z", published: "2020-04-15T10:06:00+00:00"),
        Case(name: "month first when the day is above 12, with PM", text: "9/17/2004 5:54:13 PM", published: "2004-09-17T17:54:13+08:00"),
        Case(name: "day first when both could be months", text: "7/5/2005 9:23:57 AM", published: "2005-05-07T09:23:57+08:00"),
        Case(name: "no digits glued before the year", text: "编号12020-04-15", published: nil),
        Case(name: "impossible month", text: "2020-13-01", published: nil),
        Case(name: "a view counter after the seconds is not read", text: "2024/8/6 8:39:00 40344", published: "2024-08-06T08:39:00+08:00"),
        Case(name: "a time range is not an offset", text: "会议时间：2020-04-15 10:30-11:30", published: "2020-04-15T10:30:00+08:00"),
        Case(name: "an ISO offset east of UTC", text: "2020-04-15T18:06:00+08:00", published: "2020-04-15T18:06:00+08:00"),
        Case(name: "gov.cn firstpublishedtime, a dash before the time", text: "2024-08-06-08:39:00", published: "2024-08-06T08:39:00+08:00"),
        Case(name: "a dash before a time without seconds", text: "2024-08-06-8:39", published: "2024-08-06T08:39:00+08:00"),
        Case(name: "a date range is no time", text: "2024-01-01-2024-12-31", published: "2024-01-01"),
        Case(name: "a dash and a number without a colon is no time", text: "2024-08-06-12", published: "2024-08-06"),
    ]

    @Test(arguments: cases)
    func readsTheDate(_ example: Case) {
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        #expect(DateScanner.first(in: example.text)?.iso8601(in: zone) == example.published)
    }

    @Test func readsEightDigitDatesInURLs() {
        let date = DateScanner.inURL("http://www.gov.cn/zhengce/content/t20200415_123456.html")
        #expect(date == PageDate(year: 2020, month: 4, day: 15))
    }

    @Test func usesTheConfiguredZone() {
        let zone = TimeZone(identifier: "America/New_York") ?? .current
        #expect(DateScanner.first(in: "2020-07-01 09:00")?.iso8601(in: zone) == "2020-07-01T09:00:00-04:00")
    }
}
