import Analysis

/// What was read and what was not, so a reader can judge how much the draft rests on.
extension RCAMarkdown {
  func dataQuality() -> [String] {
    let quality = document.dataQuality
    var totals = count(quality.files, "file", "files") + ", " + ByteText.format(quality.bytes) + " read"
    if quality.decodedBytes != quality.bytes {
      totals += " (" + ByteText.format(quality.decodedBytes) + " decoded)"
    }
    totals +=
      ", " + count(quality.lines, "line", "lines") + ", " + count(quality.records, "record", "records")
    totals += ", " + count(quality.skipped, "line", "lines") + " skipped"
    if quality.recordsOutsideWindow > 0 {
      totals +=
        ", " + count(quality.recordsOutsideWindow, "record", "records") + " outside --from/--to ignored"
    }
    totals += "."
    var lines = ["## Data quality", "", totals, ""]
    if quality.sources.isEmpty {
      lines.append("Sources: none.")
    } else {
      var table = MarkdownTable([
        ("Path", .left), ("Compression", .left), ("Format", .left), ("Lines", .right), ("Records", .right),
        ("Skipped", .right), ("Error", .left),
      ])
      for source in quality.sources {
        table.append([
          MarkdownText.code(source.path, inTable: true),
          MarkdownText.inline(source.compression, inTable: true),
          source.format.map { MarkdownText.inline($0, inTable: true) } ?? "unknown",
          DecimalText.number(Double(source.lines)),
          DecimalText.number(Double(source.records)),
          DecimalText.number(Double(source.skipped)),
          source.error.map { MarkdownText.inline($0, inTable: true) } ?? "",
        ])
      }
      lines += table.lines
    }
    lines += ["", "Errors:" + bullets(quality.errors.map { MarkdownText.inline($0, startsBlock: true) })]
    if let redaction { lines += ["", RedactionText.sentence(redaction)] }
    lines += [
      "",
      "Assumed time zones (times without a zone, read as `--tz`):"
        + bullets(quality.assumedZones.map { MarkdownText.code($0) }),
    ]
    return lines
  }

  /// ` none.` on the same line, or one bullet per item below it.
  private func bullets(_ items: [String]) -> String {
    items.isEmpty ? " none." : "\n\n" + items.map { "- " + $0 }.joined(separator: "\n")
  }

  private func count(_ value: Int, _ singular: String, _ plural: String) -> String {
    DecimalText.number(Double(value)) + " " + (value == 1 ? singular : plural)
  }
}
