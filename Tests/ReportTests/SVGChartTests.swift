import Analysis
import Foundation
import Testing

@testable import Report

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("SVG charts")
struct SVGChartTests {
  private func chart(
    _ values: [Double], unit: String = "connections", markers: [Chart.Marker] = [], limit: Double? = nil,
    title: String = "a signal"
  ) -> Chart {
    Chart(
      title: title, unit: unit, startMilliseconds: ExampleResult.start, stepMilliseconds: 10_000,
      values: values,
      markers: markers, limit: limit)
  }

  private func count(_ needle: String, in svg: String) -> Int {
    svg.components(separatedBy: needle).count - 1
  }

  private func isWellFormed(_ svg: String) -> Bool {
    XMLParser(data: Data(svg.utf8)).parse()
  }

  @Test("is a standalone, well-formed SVG with one polyline for a series without gaps")
  func wellFormed() {
    let svg = SVGChart(ExampleResult.connections).render()
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(isWellFormed(svg))
    #expect(count("<polyline", in: svg) == 1)
    #expect(!svg.contains("<script") && !svg.contains("@font-face") && !svg.contains("href"))
  }

  @Test("a NaN gap breaks the line into two polylines; a value alone between gaps is a dot")
  func gaps() {
    let split = SVGChart(chart([1, 2, 3, .nan, .nan, 4, 5])).render()
    #expect(count("<polyline", in: split) == 2)
    let lonely = SVGChart(chart([1, 2, .nan, 3, .nan, 4, 5])).render()
    #expect(count("<polyline", in: lonely) == 2)
    #expect(count("<circle", in: lonely) == 1)
  }

  @Test("every finite value becomes one point of the line")
  func points() throws {
    let values = (0..<50).map { Double($0 % 7) }
    let svg = SVGChart(chart(values)).render()
    let points = try #require(svg.components(separatedBy: "points=\"").last?.split(separator: "\"").first)
    #expect(points.split(separator: " ").count == values.count)
  }

  @Test("a day of buckets is thinned to a few points per pixel column, keeping every spike")
  func thinning() throws {
    var values = [Double](repeating: 10, count: 8_640)
    values[5_000] = 1_000
    values[7_000] = -500
    let svg = SVGChart(chart(values)).render()
    let points = try #require(svg.components(separatedBy: "points=\"").last?.split(separator: "\"").first)
      .split(separator: " ")
    #expect(points.count < 4 * 641)
    let ys = points.compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
    #expect(ys.min() == 30)
    #expect(ys.max() == 186)
  }

  @Test("thinning keeps the first, lowest, highest and last point of each column, in order")
  func thinningRule() {
    let column = [5.0, 9, 1, 7, 3, 4].enumerated().map {
      PixelThinning.Point(x: 10 + Double($0.offset) / 10, y: $0.element)
    }
    let next = PixelThinning.Point(x: 11.5, y: 2)
    let kept = PixelThinning.thinned(column + [next])
    #expect(kept.map(\.y) == [5, 9, 1, 4, 2])
    #expect(zip(kept, kept.dropFirst()).allSatisfy { $0.x < $1.x })
  }

  @Test("the limit line is drawn when a limit is set, and only then")
  func limit() {
    let with = SVGChart(chart([10, 20, 30], limit: 151)).render()
    #expect(count("class=\"limit\"", in: with) == 1)
    #expect(with.contains(">limit 151 connections</text>"))
    #expect(isWellFormed(with))
    let without = SVGChart(chart([10, 20, 30])).render()
    #expect(!without.contains("class=\"limit\""))
  }

  @Test("change points inside the window are dashed vertical lines with their label")
  func markers() {
    let inside = Chart.Marker(milliseconds: ExampleResult.start + 20_000, label: "rise 00:20:20")
    let outside = Chart.Marker(milliseconds: ExampleResult.start - 60_000, label: "before the window")
    let svg = SVGChart(chart([1, 2, 3, 4], markers: [inside, outside])).render()
    #expect(count("class=\"marker\"", in: svg) == 1)
    #expect(svg.contains(">rise 00:20:20</text>"))
    #expect(!svg.contains("before the window"))
    #expect(svg.contains("stroke-dasharray=\"4 3\""))
  }

  @Test("time ticks are round UTC times, HH:MM")
  func timeTicks() {
    // 00:20 to 01:19:50 in 10 s buckets.
    let svg = SVGChart(ExampleResult.connections).render()
    for label in ["00:20", "00:30", "00:40", "00:50", "01:00", "01:10"] {
      #expect(svg.contains("text-anchor=\"middle\">\(label)</text>"), "\(label)")
    }
    #expect(svg.contains("UTC, from 2026-11-27 00:20"))
  }

  @Test("y ticks are round numbers with the unit: a caption, percentages for ratios")
  func valueTicks() {
    let counts = SVGChart(chart([0, 151])).render()
    #expect(counts.contains(">150</text>"))
    #expect(counts.contains(">connections</text>"))
    let ratio = SVGChart(chart([0, 0.84], unit: "ratio")).render()
    #expect(ratio.contains(">100%</text>") || ratio.contains(">80%</text>"))
    #expect(ratio.contains(">percent</text>"))
  }

  @Test("titles and labels are XML-escaped")
  func escaping() {
    let marker = Chart.Marker(milliseconds: ExampleResult.start, label: "a<b & \"c\"")
    let svg = SVGChart(chart([1, 2], markers: [marker], title: "x < y & \"z\"")).render()
    #expect(svg.contains("<title>x &lt; y &amp; &quot;z&quot;</title>"))
    #expect(svg.contains(">a&lt;b &amp; &quot;c&quot;</text>"))
    #expect(isWellFormed(svg))
  }

  @Test("a series without data says so and still draws its axes")
  func noData() {
    let svg = SVGChart(chart([.nan, .nan])).render()
    #expect(svg.contains(">no data</text>"))
    #expect(!svg.contains("<polyline"))
    #expect(isWellFormed(svg))
  }

  @Test(
    "hostile input yields a well-formed chart, not a crash",
    arguments: [
      [Double](), [5], [1e308, -1e308], [Double.infinity, 1, -Double.infinity], [1e-300, 2e-300], [0, 0, 0],
    ])
  func hostile(values: [Double]) {
    let svg = SVGChart(chart(values, limit: .nan)).render()
    #expect(isWellFormed(svg))
    let extreme = Chart(
      title: "", unit: "", startMilliseconds: .max - 5, stepMilliseconds: .max, values: values,
      markers: [Chart.Marker(milliseconds: .min, label: "")], limit: 1e300)
    #expect(isWellFormed(SVGChart(extreme).render()))
  }

  @Test("equal charts render to equal bytes")
  func deterministic() {
    #expect(SVGChart(ExampleResult.connections).render() == SVGChart(ExampleResult.connections).render())
  }
}
