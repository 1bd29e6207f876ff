import Analysis

/// One chart as a standalone SVG line chart: axes, UTC time ticks, y ticks, the series (broken at gaps),
/// dashed change-point markers and an optional limit line.
///
/// No scripts, no external fonts (the generic `sans-serif`), and every coordinate printed with one decimal,
/// so the same chart gives the same bytes everywhere.
package struct SVGChart {
  let chart: Chart

  static let width = 720.0
  static let height = 220.0
  private static let plotLeft = 64.0
  private static let plotRight = 704.0
  private static let plotTop = 30.0
  private static let plotBottom = 186.0
  private static let seriesColor = "#1f6fb4"
  private static let markerColor = "#8a5a00"
  private static let limitColor = "#c0392b"
  private static let axisColor = "#333333"
  private static let captionColor = "#555555"

  package init(_ chart: Chart) {
    self.chart = chart
  }

  package func render() -> String {
    let axis = ValueAxis(values: chart.values, limit: chart.limit)
    let time = TimeAxis(start: chart.startMilliseconds, end: lastBucketMilliseconds)
    let size = (width: SVGMarkup.number(Self.width), height: SVGMarkup.number(Self.height))
    var lines = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(size.width)\" height=\"\(size.height)\" "
        + "viewBox=\"0 0 \(size.width) \(size.height)\" font-family=\"sans-serif\" font-size=\"11\" "
        + "role=\"img\" aria-label=\"\(SVGMarkup.escaped(chart.title))\">",
      "<title>\(SVGMarkup.escaped(chart.title))</title>",
      SVGMarkup.element("rect", ["width": "100%", "height": "100%", "fill": "#ffffff"]),
      SVGMarkup.element(
        "text", ["x": SVGMarkup.number(Self.plotLeft), "y": "18", "font-size": "13", "font-weight": "bold"],
        text: MarkdownText.truncated(chart.title, to: 100)),
    ]
    lines += valueTicks(axis)
    lines += timeTicks(time)
    let (left, top) = (SVGMarkup.number(Self.plotLeft), SVGMarkup.number(Self.plotTop))
    let (right, bottom) = (SVGMarkup.number(Self.plotRight), SVGMarkup.number(Self.plotBottom))
    lines.append(
      SVGMarkup.element(
        "path", ["d": "M\(left) \(top)V\(bottom)H\(right)", "fill": "none", "stroke": Self.axisColor]))
    lines += limitLine(axis)
    lines += markers(time)
    lines += series(axis)
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The time of the last bucket; a single bucket spans one step so that it still has a width.
  private var lastBucketMilliseconds: Int64 {
    let buckets = Int64(max(chart.values.count - 1, 1))
    let (span, overflow) = chart.stepMilliseconds.multipliedReportingOverflow(by: buckets)
    let (end, beyond) = chart.startMilliseconds.addingReportingOverflow(span)
    return overflow || beyond ? Int64.max : end
  }

  private func valueTicks(_ axis: ValueAxis) -> [String] {
    var grid = ["<g stroke=\"#e3e3e3\">"]
    var labels: [String] = []
    for tick in axis.ticks {
      let y = SVGMarkup.number(yPosition(tick, axis))
      grid.append(
        SVGMarkup.element(
          "line",
          ["x1": SVGMarkup.number(Self.plotLeft), "y1": y, "x2": SVGMarkup.number(Self.plotRight), "y2": y]))
      labels.append(
        SVGMarkup.element(
          "text", ["x": SVGMarkup.number(Self.plotLeft - 6), "y": y, "dy": "4", "text-anchor": "end"],
          text: tickLabel(tick, axis)))
    }
    grid.append("</g>")
    let middle = SVGMarkup.number((Self.plotTop + Self.plotBottom) / 2)
    labels.append(
      SVGMarkup.element(
        "text", ["x": "14", "y": middle, "text-anchor": "middle", "transform": "rotate(-90 14 \(middle))"],
        text: unitCaption))
    return grid + labels
  }

  private func tickLabel(_ value: Double, _ axis: ValueAxis) -> String {
    switch chart.unit {
    case "ratio": DecimalText.fixed(value * 100, decimals: max(0, axis.decimals - 2)) + "%"
    default: DecimalText.fixed(value, decimals: axis.decimals, grouping: true)
    }
  }

  private var unitCaption: String {
    switch chart.unit {
    case "ratio": "percent"
    case "s": "seconds"
    default: chart.unit
    }
  }

  private func timeTicks(_ time: TimeAxis) -> [String] {
    var lines: [String] = []
    for tick in time.ticks {
      let x = SVGMarkup.number(xPosition(tick, time))
      lines.append(
        SVGMarkup.element(
          "line",
          [
            "x1": x, "y1": SVGMarkup.number(Self.plotBottom), "x2": x,
            "y2": SVGMarkup.number(Self.plotBottom + 4),
            "stroke": Self.axisColor,
          ]))
      lines.append(
        SVGMarkup.element(
          "text", ["x": x, "y": SVGMarkup.number(Self.plotBottom + 16), "text-anchor": "middle"],
          text: time.label(tick)))
    }
    let start = UTCText.date(milliseconds: time.start) + " " + UTCText.clock(milliseconds: time.start)
    lines.append(
      SVGMarkup.element(
        "text",
        [
          "x": SVGMarkup.number(Self.plotRight), "y": SVGMarkup.number(Self.height - 4), "text-anchor": "end",
          "fill": Self.captionColor,
        ],
        text: "UTC, from " + start))
    return lines
  }

  private func limitLine(_ axis: ValueAxis) -> [String] {
    guard let limit = chart.limit, limit.isFinite else { return [] }
    let y = yPosition(limit, axis)
    return [
      SVGMarkup.element(
        "line",
        [
          "class": "limit", "x1": SVGMarkup.number(Self.plotLeft), "y1": SVGMarkup.number(y),
          "x2": SVGMarkup.number(Self.plotRight), "y2": SVGMarkup.number(y), "stroke": Self.limitColor,
          "stroke-dasharray": "6 3",
        ]),
      SVGMarkup.element(
        "text",
        [
          "x": SVGMarkup.number(Self.plotRight - 2), "y": SVGMarkup.number(y - 4), "text-anchor": "end",
          "fill": Self.limitColor,
        ],
        text: "limit " + QuantityText.format(limit, unit: chart.unit)),
    ]
  }

  /// Labels alternate between three rows so that close change points stay legible.
  private func markers(_ time: TimeAxis) -> [String] {
    var lines: [String] = []
    let visible = chart.markers.filter { $0.milliseconds >= time.start && $0.milliseconds <= time.end }
    for (index, marker) in visible.enumerated() {
      let x = xPosition(marker.milliseconds, time)
      let nearRight = x > Self.plotRight - 140
      lines.append(
        SVGMarkup.element(
          "line",
          [
            "class": "marker", "x1": SVGMarkup.number(x), "y1": SVGMarkup.number(Self.plotTop),
            "x2": SVGMarkup.number(x), "y2": SVGMarkup.number(Self.plotBottom), "stroke": Self.markerColor,
            "stroke-dasharray": "4 3",
          ]))
      lines.append(
        SVGMarkup.element(
          "text",
          [
            "x": SVGMarkup.number(nearRight ? x - 3 : x + 3),
            "y": SVGMarkup.number(Self.plotTop + 10 + Double(index % 3) * 12),
            "text-anchor": nearRight ? "end" : "start", "fill": Self.markerColor,
          ],
          text: MarkdownText.truncated(marker.label, to: 40)))
    }
    return lines
  }

  /// One polyline per run of finite values: a NaN (a gap in the data) breaks the line rather than bridging
  /// it. A value alone between gaps is a dot.
  private func series(_ axis: ValueAxis) -> [String] {
    var lines: [String] = []
    for run in finiteRuns(axis) {
      let points = PixelThinning.thinned(run).map { (x: SVGMarkup.number($0.x), y: SVGMarkup.number($0.y)) }
      if let point = points.first, points.count == 1 {
        lines.append(
          SVGMarkup.element("circle", ["cx": point.x, "cy": point.y, "r": "2", "fill": Self.seriesColor]))
      } else {
        lines.append(
          SVGMarkup.element(
            "polyline",
            [
              "fill": "none", "stroke": Self.seriesColor, "stroke-width": "1.5", "stroke-linejoin": "round",
              "points": points.map { $0.x + "," + $0.y }.joined(separator: " "),
            ]))
      }
    }
    if lines.isEmpty {
      lines.append(
        SVGMarkup.element(
          "text",
          [
            "x": SVGMarkup.number((Self.plotLeft + Self.plotRight) / 2),
            "y": SVGMarkup.number((Self.plotTop + Self.plotBottom) / 2), "text-anchor": "middle",
            "fill": Self.captionColor,
          ],
          text: "no data"))
    }
    return lines
  }

  /// The plot positions of the values, split at every non-finite one.
  private func finiteRuns(_ axis: ValueAxis) -> [[PixelThinning.Point]] {
    var runs: [[PixelThinning.Point]] = []
    var run: [PixelThinning.Point] = []
    let last = Double(max(chart.values.count - 1, 1))
    for (index, value) in chart.values.enumerated() {
      guard value.isFinite else {
        if !run.isEmpty { runs.append(run) }
        run = []
        continue
      }
      let x = Self.plotLeft + (Self.plotRight - Self.plotLeft) * Double(index) / last
      run.append(PixelThinning.Point(x: x, y: yPosition(value, axis)))
    }
    if !run.isEmpty { runs.append(run) }
    return runs
  }

  private func xPosition(_ milliseconds: Int64, _ time: TimeAxis) -> Double {
    let span = Double(time.end) - Double(time.start)
    let offset = Double(milliseconds) - Double(time.start)
    return Self.plotLeft + (Self.plotRight - Self.plotLeft) * offset / span
  }

  /// Kept inside the plot whatever the value: a far outlier must not draw across the title.
  private func yPosition(_ value: Double, _ axis: ValueAxis) -> Double {
    let fraction = (value - axis.low) / (axis.high - axis.low)
    guard fraction.isFinite else { return Self.plotBottom }
    let y = Self.plotBottom - (Self.plotBottom - Self.plotTop) * fraction
    return min(max(y, Self.plotTop), Self.plotBottom)
  }
}
