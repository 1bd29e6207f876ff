import Testing

@testable import Report

@Suite("Number, time and Markdown text")
struct TextFormattingTests {
  @Test(
    "numbers: whole ones without decimals, others to three significant digits, grouped from five digits",
    arguments: [
      (151.0, "151"), (1234, "1234"), (123_456, "123,456"), (9.3, "9.3"), (12.345, "12.3"), (151.4, "151"),
      (0.0123456, "0.0123"), (0.1 + 0.2, "0.3"), (-2.5, "-2.5"), (-0.0001, "-0.0001"), (0.9996, "1"),
      (12_345.6, "12,346"), (0, "0"), (Double.nan, "n/a"),
    ])
  func numbers(value: Double, expected: String) {
    #expect(DecimalText.number(value) == expected)
  }

  @Test(
    "percentages keep one decimal", arguments: [(0.843, "84.3%"), (0.3, "30.0%"), (1, "100.0%"), (0, "0.0%")])
  func percentages(ratio: Double, expected: String) {
    #expect(DecimalText.percent(ratio) == expected)
  }

  @Test(
    "durations read as people say them",
    arguments: [
      (45.0, "45 s"), (9.3, "9.3 s"), (150, "2 min 30 s"), (120, "2 min"), (3_661, "1 h 1 min"),
      (90_000, "1 d 1 h"), (0, "0 s"), (59.7, "1 min"),
    ])
  func durations(seconds: Double, expected: String) {
    #expect(DurationText.format(seconds: seconds) == expected)
  }

  @Test("values carry their unit: ratios as percentages, seconds as durations, rates attached")
  func quantities() {
    #expect(QuantityText.change(from: 12, to: 151, unit: "connections") == "12 → 151 connections")
    #expect(QuantityText.change(from: 0, to: 0.843, unit: "ratio") == "0.0% → 84.3%")
    #expect(QuantityText.change(from: 0.9, to: 150, unit: "s") == "0.9 s → 2 min 30 s")
    #expect(QuantityText.format(3.5, unit: "/s") == "3.5/s")
    #expect(QuantityText.format(7, unit: "") == "7")
  }

  @Test("UTC clock and date from epoch milliseconds, before 1970 too")
  func clock() {
    let time: Int64 = 1_795_741_120_500  // 2026-11-27T00:58:40.5Z
    #expect(UTCText.clock(milliseconds: time) == "00:58")
    #expect(UTCText.clock(milliseconds: time, seconds: true) == "00:58:40")
    #expect(UTCText.date(milliseconds: time) == "2026-11-27")
    #expect(UTCText.date(milliseconds: 951_782_400_000) == "2000-02-29")
    #expect(UTCText.date(milliseconds: -1) == "1969-12-31")
    #expect(UTCText.clock(milliseconds: -1, seconds: true) == "23:59:59")
  }

  @Test("RFC 3339 UTC strings split into date and time of day; other strings do not")
  func rfc3339Parts() throws {
    let parts = try #require(UTCText.parts("2026-11-27T02:58:40.250Z"))
    #expect(parts.date == "2026-11-27" && parts.clock == "02:58:40.250")
    #expect(UTCText.parts("2026-11-27T02:58:40+02:00") == nil)
    #expect(UTCText.parts("yesterday") == nil)
  }

  @Test(
    "Markdown text: emphasis, links, HTML and pipes are escaped; code spans and words_with_underscores kept")
  func inline() {
    #expect(MarkdownText.inline("a *b* [c](d) <e> f|g ~h") == "a \\*b\\* \\[c\\](d) \\<e> f\\|g \\~h")
    #expect(MarkdownText.inline("run `KILL 1` on max_connections") == "run `KILL 1` on max_connections")
    #expect(MarkdownText.inline("_x_ and a lone ` tick") == "\\_x\\_ and a lone \\` tick")
    #expect(MarkdownText.inline("line one\nline two") == "line one line two")
    #expect(MarkdownText.inline("`a|b`", inTable: true) == "`a\\|b`")
  }

  @Test("line-leading markers are escaped only where the text starts a block")
  func blockStart() {
    #expect(MarkdownText.inline("# not a heading", startsBlock: true) == "\\# not a heading")
    #expect(MarkdownText.inline("1. not a list", startsBlock: true) == "1\\. not a list")
    #expect(MarkdownText.inline("0.9 s → 9.3 s") == "0.9 s → 9.3 s")
  }

  @Test("code spans hold any text verbatim: the fence outgrows backtick runs inside")
  func codeSpans() {
    #expect(MarkdownText.code("plain") == "`plain`")
    #expect(MarkdownText.code("a `b` c") == "``a `b` c``")
    #expect(MarkdownText.code("`edge`") == "`` `edge` ``")
    #expect(MarkdownText.code("a|b", inTable: true) == "`a\\|b`")
    #expect(MarkdownText.code("") == "—")
  }

  @Test(
    "chart slugs are lower-case a-z, 0-9 and single dashes",
    arguments: [
      ("mysql connections {user=shipping}", "mysql-connections-user-shipping"),
      ("Shipping Latency P90", "shipping-latency-p90"), ("--«»--", "chart"), ("ümlaut", "mlaut"),
    ])
  func slugs(title: String, expected: String) {
    #expect(ChartFileName.slug(title) == expected)
  }

  @Test("chart file names are numbered in order, wide enough for the count")
  func chartNames() {
    #expect(ChartFileName.names(for: ["a", "a"]) == ["01-a.svg", "02-a.svg"])
    #expect(ChartFileName.names(for: Array(repeating: "x", count: 100)).last == "100-x.svg")
    #expect(ChartFileName.slug(String(repeating: "ab ", count: 40)).count <= ChartFileName.maximumSlugLength)
  }
}
