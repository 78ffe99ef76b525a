import Testing
import Normalizers
import Records

/// A duration row: text → ISO 8601 (nil: not a duration), and the amount/unit when pinned.
struct SpanRow: CustomTestStringConvertible, Sendable {
    let lang: Language
    let text: String
    let iso: String?
    var testDescription: String { "[\(lang)] \(text) → \(iso ?? "nil")" }
    init(_ lang: Language, _ text: String, _ iso: String?) { self.lang = lang; self.text = text; self.iso = iso }

    func check() {
        let v = Normalization.normalize(text, as: .duration, context: NormalizationContext(language: lang, referenceDate: reference))
        guard let iso else { #expect(v == nil, "\(text) read as \(String(describing: v))"); return }
        guard case .duration(let d)? = v else { Issue.record("not read: \(text)"); return }
        #expect(d.iso == iso, "\(text): \(d.iso)")
    }
}

@Suite struct DurationFamilyTests {
    static let abbreviated: [SpanRow] = [
        .init(.en, "3h", "PT3H"), .init(.en, "3 hrs", "PT3H"), .init(.en, "30-min", "PT30M"), .init(.en, "45min", "PT45M"),
        .init(.en, "3.5years", "P3Y6M"), .init(.en, "123.45 sec", "PT123.45S"), .init(.en, "10D", "P10D"), .init(.en, "2 wks", "P2W"),
        .init(.en, "5 yrs", "P5Y"), .init(.en, "90 secs", "PT90S"), .init(.en, "24h", "PT24H"), .init(.en, "15 mins", "PT15M"),
        .init(.en, "6 mos", "P6M"), .init(.en, "2 decades", "P20Y"), .init(.en, "a fortnight", "P2W"), .init(.en, "two centuries", "P200Y"),
    ]
    static let halves: [SpanRow] = [
        .init(.en, "half hour", "PT30M"), .init(.en, "a half hour", "PT30M"), .init(.en, "half an hour", "PT30M"), .init(.en, "half-hour", "PT30M"),
        .init(.en, "one hour and a half", "PT1H30M"), .init(.en, "two and a half hours", "PT2H30M"), .init(.en, "a year and a half", "P1Y6M"),
        .init(.en, "a quarter of an hour", "PT15M"), .init(.en, "three quarters of an hour", "PT45M"), .init(.en, "half a day", "PT12H"),
        .init(.en, "1.5 hours", "PT1H30M"), .init(.en, "an hour thirty", "PT1H30M"), .init(.en, "two hours fifteen", "PT2H15M"),
        .init(.zh, "一個半小時", "PT1H30M"), .init(.zh, "一个半小时", "PT1H30M"), .init(.zh, "半小时", "PT30M"), .init(.zh, "两年半", "P2Y6M"),
        .init(.zh, "半个月", "P0.5M"), .init(.zh, "三天半", "P3DT12H"),
    ]
    static let compounds: [SpanRow] = [
        .init(.en, "1 hour 5 minutes 30 seconds", "PT1H5M30S"), .init(.en, "2 hours, 10 minutes and 5 seconds", "PT2H10M5S"),
        .init(.en, "3 years 2 months 1 day", "P3Y2M1D"), .init(.en, "1 day 2 hours", "P1DT2H"), .init(.en, "5 minutes 30 seconds", "PT5M30S"),
        .init(.zh, "五分三十秒", "PT5M30S"), .init(.zh, "一小时五分三十秒", "PT1H5M30S"), .init(.zh, "三年两个月零五天", "P3Y2M5D"),
        .init(.zh, "两小时十分", "PT2H10M"), .init(.zh, "1小时20分钟30秒", "PT1H20M30S"), .init(.zh, "七年六个月", "P7Y6M"),
    ]
    static let zhUnits: [SpanRow] = [
        .init(.zh, "为期3日", "P3D"), .init(.zh, "十余日", "P10D"), .init(.zh, "历时3月", "P3M"), .init(.zh, "5天", "P5D"),
        .init(.zh, "三个月", "P3M"), .init(.zh, "两周", "P2W"), .init(.zh, "30 天", "P30D"), .init(.zh, "一年", "P1Y"),
        .init(.zh, "兩個鐘", "PT2H"), .init(.zh, "三個鐘頭", "PT3H"), .init(.zh, "一粒鐘", "PT1H"), .init(.zh, "半個鐘", "PT30M"),
        .init(.zh, "两个星期", "P2W"), .init(.zh, "45分钟", "PT45M"), .init(.zh, "10秒", "PT10S"),
    ]
    static let notDurations: [SpanRow] = [
        .init(.en, "hours", nil), .init(.en, "the day", nil), .init(.zh, "天气", nil), .init(.zh, "分钟", nil),
    ]

    @Test("abbreviated and glued units", arguments: abbreviated) func abbreviatedRows(_ r: SpanRow) { r.check() }
    @Test("halves, quarters, 'and a half', an hour thirty", arguments: halves) func halfRows(_ r: SpanRow) { r.check() }
    @Test("compounds of three or more parts", arguments: compounds) func compoundRows(_ r: SpanRow) { r.check() }
    @Test("日 / 天 / bare 月 and Cantonese 鐘", arguments: zhUnits) func zhUnitRows(_ r: SpanRow) { r.check() }
    @Test("not durations", arguments: notDurations) func notRows(_ r: SpanRow) { r.check() }
}
