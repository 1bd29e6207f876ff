import Foundation
import Report
import Testing

/// RCA.html as a ticket reader's browser shows it. Skipped, saying why, where Chromium is not installed
/// (`scripts/setup` installs Debian's `chromium`).
@Suite(
  "RCA.html in a real browser", .serialized,
  .enabled(if: HeadlessBrowser.found != nil, "chromium is not installed: scripts/setup installs it"),
  .enabled(if: HeadlessBrowser.python != nil, "python3 is not installed: the screenshot check needs it"))
struct BrowserCheckTests {
  /// The chain's box border and the charts' series colour, as RCAHTML's style and SVGChart draw them.
  static let chainColor = "#b9770e"
  static let chartColor = "#1f6fb4"

  @Test("the page loads with no console message and no network request, and shows the chain and a chart")
  func reportPage() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try ReportWriter.write(ExampleResult.make(), to: directory + "/report")
    let browser = try #require(HeadlessBrowser.found)
    let visit = try browser.visit(directory + "/report/RCA.html", in: directory)
    #expect(visit.console.isEmpty, "console: \(visit.console)")
    #expect(visit.requests.isEmpty, "requests: \(visit.requests)")
    let pixels = try #require(
      try HeadlessBrowser.pixels(visit.screenshot, colors: [Self.chainColor, Self.chartColor]))
    #expect(pixels.nonWhite > 20_000, "the screenshot is not blank")
    #expect(pixels.distinct > 20)
    #expect(pixels.near[Self.chainColor, default: 0] > 500, "the chain's boxes are on screen")
    #expect(pixels.near[Self.chartColor, default: 0] > 200, "a chart's series is on screen")
  }

  @Test("the check sees a console error and a request for an external asset")
  func negativeControl() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let page = directory + "/bad.html"
    try Data(
      """
      <!DOCTYPE html><html><head><title>bad</title></head><body><p>text</p>
      <img src="http://assets.invalid/logo.png"><script>console.error("broken page")</script></body></html>
      """.utf8
    ).write(to: URL(fileURLWithPath: page))
    let visit = try #require(HeadlessBrowser.found).visit(page, in: directory, width: 400, height: 300)
    #expect(visit.console.contains { $0.contains("broken page") })
    #expect(visit.requests == ["http://assets.invalid/logo.png"])
    let pixels = try #require(try HeadlessBrowser.pixels(visit.screenshot, colors: [Self.chainColor]))
    #expect(pixels.near[Self.chainColor, default: 0] == 0)
  }

  private func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "postmortem-browser-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
