import Foundation

/// What a benchmark case says really happened: the generator's ground truth (`rootCause.component`…) or a
/// recording's `truth.json` (`component`, `kind`, `client`, `onset` at the top level).
struct CaseTruth: Decodable {
  var component: String
  var kind: String?
  var client: String?
  var onset: String?

  private enum Keys: String, CodingKey {
    case rootCause, component, kind, client, onset
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    let cause =
      container.contains(.rootCause)
      ? try container.nestedContainer(keyedBy: Keys.self, forKey: .rootCause) : container
    component = try cause.decode(String.self, forKey: .component)
    kind = try cause.decodeIfPresent(String.self, forKey: .kind)
    client =
      try cause.decodeIfPresent(String.self, forKey: .client)
      ?? container.decodeIfPresent(String.self, forKey: .client)
    onset =
      try cause.decodeIfPresent(String.self, forKey: .onset)
      ?? container.decodeIfPresent(String.self, forKey: .onset)
  }

  /// The truth of the case at `directory`: `<directory>.truth.json` beside it, else `truth.json` inside.
  static func file(for directory: URL) -> URL? {
    let beside = directory.deletingLastPathComponent().appendingPathComponent(
      directory.lastPathComponent + ".truth.json")
    let inside = directory.appendingPathComponent("truth.json")
    return [beside, inside].first { FileManager.default.fileExists(atPath: $0.path) }
  }
}
