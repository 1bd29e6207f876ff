/// How services log a change to themselves: a start-up banner that names the version (Spring Boot's
/// `Starting X v1.2.3`, a `version=` or `git_commit=` field on a start line), a graceful shutdown, a start
/// completed. A row per spelling, with a line that shows it and the version that line names; a line is a row's
/// when it holds all of the row's phrases, the first such row in order. `ChangeMarkerTests` walks the rows.
enum ChangeMarkerPhrases {
  enum Marker: String, Sendable {
    /// A process started with a version: a deploy when the version differs from before.
    case version
    /// A process stopping or starting without a version: a restart.
    case restart
  }

  struct Row: Sendable {
    var phrases: [String]
    var marker: Marker
    var example: String
    /// The version `ChangeMarkerPhrases.version(in:)` reads from `example`, nil for none.
    var version: String?
  }

  static let rows: [Row] = [
    Row(
      phrases: ["Starting ", " using Java "], marker: .version,
      example:
        "Starting ShippingApplication v1.4.2 using Java 17.0.9 with PID 1 (/app.jar started by app in /)",
      version: "1.4.2"),
    Row(
      phrases: ["Starting ", " on ", " with PID "], marker: .version,
      example: "Starting CartApplication v2.0.0-RC1 on cart-6b8d7c5f4-q2w7e with PID 7", version: "2.0.0-RC1"),
    Row(
      phrases: ["Starting ", " on port "], marker: .version,
      example: "Starting orders v3.2.1 on port 8080 (pool size 10)", version: "3.2.1"),
    Row(
      phrases: ["tarting", "version="], marker: .version,
      example: #"msg="starting server" version=1.8.0 git_commit=4f2a9c1 addr=:8080"#, version: "1.8.0"),
    Row(
      phrases: ["tarting", "git_commit="], marker: .version,
      example: #"level=info msg="Starting payment" git_commit=9e1b77d"#, version: "9e1b77d"),
    Row(
      phrases: ["Commencing graceful shutdown"], marker: .restart,
      example: "Commencing graceful shutdown. Waiting for active requests to complete", version: nil),
    Row(
      phrases: ["Received SIGTERM"], marker: .restart, example: "Received SIGTERM, shutting down gracefully",
      version: nil),
    Row(
      phrases: ["Shutting down: Master"], marker: .restart, example: "[1] [INFO] Shutting down: Master",
      version: nil),
    Row(
      phrases: ["Started ", " seconds (process running for "], marker: .restart,
      example: "Started ShippingApplication in 4.21 seconds (process running for 4.9)", version: nil),
  ]

  private static let phraseBytes = rows.map { $0.phrases.map { Array($0.utf8) } }

  /// The row of `message`, if any. Read once per log template, on its first line.
  static func row(in message: UnsafeRawBufferPointer) -> Int? {
    phraseBytes.firstIndex { phrases in phrases.allSatisfy { message.firstRange(of: $0) != nil } }
  }

  /// The version a start line names: `version=V`, `git_commit=C`, or the ` vN…` after `Starting X`; read on
  /// the bytes of each line of a matched template, so each start keeps its own version.
  static func version(in line: UnsafeRawBufferPointer) -> String? {
    for field in versionFields {
      if let range = line.firstRange(of: field) { return token(in: line, from: range.upperBound) }
    }
    guard let starting = line.firstRange(of: startingBytes) else { return nil }
    var index = starting.upperBound
    while index < line.count, line[index] != 0x20 { index += 1 }  // the application's name
    guard index + 2 < line.count, line[index + 1] == 0x76, line[index + 2] >= 0x30, line[index + 2] <= 0x39
    else { return nil }
    return token(in: line, from: index + 2)
  }

  private static let versionFields = ["version=", "git_commit="].map { Array($0.utf8) }
  private static let startingBytes = Array("Starting ".utf8)

  /// Up to the next blank, quote or comma.
  private static func token(in line: UnsafeRawBufferPointer, from start: Int) -> String? {
    var begin = start
    if begin < line.count, line[begin] == 0x22 { begin += 1 }
    var end = begin
    while end < line.count, line[end] != 0x20, line[end] != 0x22, line[end] != 0x2C { end += 1 }
    return end > begin ? String(decoding: line[begin..<end], as: UTF8.self) : nil
  }
}
