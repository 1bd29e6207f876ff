import Foundation
import Ingest
import Testing

@testable import Formats

/// Real system logs (loghub-2k): those in a supported shape are read line for line as their ground truth has
/// them; the others are said to be unrecognised rather than misread. 28,000 real lines of many shapes for
/// the recognisers.
@Suite("Real system logs (loghub-2k)", .enabled(if: RealLogFixtures.directory != nil))
struct RealLogFixtureTests {
  /// The systems whose logs Postmortem reads, and how; every other system's log must stay unrecognised.
  static let readable: [String: Format] = [
    "Hadoop": .textLog, "Zookeeper": .textLog, "Linux": .syslog, "OpenSSH": .syslog, "Mac": .syslog,
    "Apache": .apacheError, "HDFS": .textLog, "OpenStack": .textLog, "Proxifier": .textLog, "Spark": .textLog,
    "Thunderbird": .textLog,
  ]

  @Test("each log is read as its expected format, or not at all", arguments: RealLogFixtures.loghubFiles)
  func detection(path: String) throws {
    let system = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
    var reader = SourceReader(source: Source(path: path))
    guard let format = Self.readable[system] else {
      #expect(throws: FormatError.unrecognized(path: path)) { try reader.read { _, _ in } }
      return
    }
    try reader.read { _, _ in }
    #expect(reader.stats.format == format)
    #expect(reader.stats.records == 2000)
    #expect(reader.stats.skipped == 0)
  }

  @Test("Hadoop and Zookeeper lines: each event's level and message as the ground truth has them")
  func textLogs() throws {
    for system in ["Hadoop", "Zookeeper"] {
      let (events, truth) = try read(system)
      #expect(events.count == truth.count, "\(system)")
      for (event, row) in zip(events, truth) {
        #expect(event.level == LogLevel(row["Level"]!), "\(system) line \(row["LineId"]!)")
        #expect(event.message.hasSuffix(row["Content"]!), "\(system) line \(row["LineId"]!)")
      }
    }
  }

  @Test("BSD syslog lines: each event's time of day, app and message as the ground truth has them")
  func syslog() throws {
    for (system, app) in [("Linux", "Component"), ("Mac", "Component")] {
      let (events, truth) = try read(system)
      #expect(events.count == truth.count, "\(system)")
      for (event, row) in zip(events, truth) {
        let line = "\(system) line \(row["LineId"]!)"
        #expect(event.clock == row["Time"]!, "\(line)")
        let component = row[app]!.prefix { $0 != "(" && $0 != "[" && $0 != " " }
        if component.first?.isLetter ?? false { #expect(event.service == String(component), "\(line)") }
        // A leading level word (`warning: …`, `ALERT …`) is the level, not the message.
        #expect(!event.message.isEmpty && row["Content"]!.hasSuffix(event.message), "\(line)")
      }
    }
  }

  private struct Event {
    var level: LogLevel
    var clock: String
    var message: String
    var service: String?
  }

  private func read(_ system: String) throws -> ([Event], [[String: String]]) {
    let directory = try #require(RealLogFixtures.directory) + "/loghub-2k/\(system)"
    var reader = SourceReader(source: Source(path: "\(directory)/\(system)_2k.log"))
    var events: [Event] = []
    try reader.read { record, context in
      guard case .log(let event) = record else { return }
      let text = { (range: Range<Int>) in
        String(decoding: UnsafeRawBufferPointer(rebasing: context.line[range]), as: UTF8.self)
      }
      let seconds = Int(((event.time.milliseconds / 1000) % 86_400 + 86_400) % 86_400)
      let clock = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
      events.append(
        Event(
          level: event.level, clock: clock, message: text(event.message).trimmingCharacters(in: .whitespaces),
          service: event.service.map(text)))
    }
    let csv = try String(
      contentsOfFile: "\(directory)/\(system)_2k.log_structured_corrected.csv", encoding: .utf8)
    return (events, RealLogFixtures.rows(csv))
  }
}

extension LogLevel {
  /// A ground-truth level column (`INFO`, `WARN`, `ERROR`).
  fileprivate init?(_ text: String) {
    var text = text
    guard let level = text.withUTF8({ LogLevel(name: UnsafeRawBufferPointer($0), 0..<$0.count) }) else {
      return nil
    }
    self = level
  }
}

enum RealLogFixtures {
  /// `POSTMORTEM_FIXTURES`, else `../shared/fixtures` beside the package root; nil when absent.
  static let directory: String? = {
    let path =
      ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"]
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  static let loghubFiles: [String] = {
    guard let directory else { return [] }
    let root = directory + "/loghub-2k"
    let systems = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return systems.sorted().compactMap { system in
      let path = "\(root)/\(system)/\(system)_2k.log"
      return FileManager.default.fileExists(atPath: path) ? path : nil
    }
  }()

  /// The rows of a CSV file with a header, fields in double quotes where they hold commas or quotes.
  static func rows(_ csv: String) -> [[String: String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = csv.makeIterator()
    while let character = characters.next() {
      if quoted {
        if character == "\"" {
          if let next = characters.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              if next == "," {
                fields.append(field)
                field = ""
              } else if next == "\n" || next == "\r\n" {
                fields.append(field)
                records.append(fields)
                (fields, field) = ([], "")
              } else {
                field.append(next)
              }
            }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        fields.append(field)
        field = ""
      } else if character == "\n" || character == "\r\n" {
        fields.append(field)
        records.append(fields)
        (fields, field) = ([], "")
      } else {
        field.append(character)
      }
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      records.append(fields)
    }
    guard let header = records.first else { return [] }
    return records.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
  }
}
