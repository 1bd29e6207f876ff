import Analysis

/// How the Markdown prints the document's times: only the time of day when every time falls on one UTC date
/// (stated once, under the title), the date as well otherwise.
struct TimeStyle {
  /// The one date all times share, if they do.
  let singleDate: String?

  init(_ document: RCADocument) {
    var times = [document.window.from, document.window.to, document.rootCause.onset]
    times += document.timeline.map(\.time)
    for link in document.chain { times += [link.onset] + link.evidence.compactMap(\.time) }
    let dates = times.map { UTCText.parts($0).map { String($0.date) } }
    if let first = dates.first ?? nil, dates.allSatisfy({ $0 == first }) {
      singleDate = first
    } else {
      singleDate = nil
    }
  }

  /// `02:58:40`, or `2026-11-27 02:58:40` across dates; a time that is not RFC 3339 UTC as it came.
  func display(_ rfc3339: String) -> String {
    guard let parts = UTCText.parts(rfc3339) else { return rfc3339 }
    return singleDate == nil ? parts.date + " " + parts.clock : String(parts.clock)
  }
}
