import Formats

/// A service's change markers from its own log: start-up banners by the version they name, shutdowns and
/// starts without one as restarts. A template is checked against `ChangeMarkerPhrases` once, on its first
/// line; the version is read from each line of a matched template, so it is never masked away.
struct ChangeMarkers: Sendable {
  struct Marker: Sendable {
    /// `version=1.4.2` or `restart`.
    var subject: String
    var counts: BucketSeries<Int32>
    var examples: [ExampleLine] = []
  }

  /// Distinct versions and restarts kept; beyond, later ones count as `(other changes)`.
  static let limit = 50

  let stepMilliseconds: Int64
  private(set) var markers: [Marker] = []
  private var bySubject: [String: Int] = [:]
  private var rows: [Int: Int] = [:]
  private(set) var pendingExample: Int?

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
  }

  mutating func add(slot: Int, message: UnsafeRawBufferPointer, milliseconds: Int64) {
    pendingExample = nil
    let row: Int
    if let known = rows[slot] {
      row = known
    } else {
      row = ChangeMarkerPhrases.row(in: message) ?? -1
      rows[slot] = row
    }
    guard row >= 0 else { return }
    let subject: String
    switch ChangeMarkerPhrases.rows[row].marker {
    case .version: subject = ChangeMarkerPhrases.version(in: message).map { "version=\($0)" } ?? "restart"
    case .restart: subject = "restart"
    }
    let index = marker(subject)
    markers[index].counts.update(at: milliseconds) { $0 += 1 }
    if markers[index].examples.count < LogAggregate.examplesPerTemplate
      || milliseconds < markers[index].examples.last!.milliseconds
    {
      pendingExample = index
    }
  }

  mutating func addExample(_ example: ExampleLine) {
    guard let index = pendingExample else { return }
    markers[index].examples.append(example)
    markers[index].examples.sort(by: ExampleLine.chronological)
    if markers[index].examples.count > LogAggregate.examplesPerTemplate {
      markers[index].examples.removeLast()
    }
    pendingExample = nil
  }

  mutating func merge(_ other: ChangeMarkers) {
    for theirs in other.markers {
      let index = marker(theirs.subject)
      markers[index].counts.merge(theirs.counts, +=)
      markers[index].examples = Array(
        (markers[index].examples + theirs.examples).sorted(by: ExampleLine.chronological)
          .prefix(LogAggregate.examplesPerTemplate))
    }
    rows = [:]
    pendingExample = nil
  }

  private mutating func marker(_ subject: String) -> Int {
    if let known = bySubject[subject] { return known }
    let name = markers.count < Self.limit ? subject : "(other changes)"
    if let known = bySubject[name] { return known }
    bySubject[name] = markers.count
    markers.append(Marker(subject: name, counts: BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0)))
    return markers.count - 1
  }
}
