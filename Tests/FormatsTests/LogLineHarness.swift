import Foundation
import Testing

@testable import Formats

/// Runs parsers over literal lines the way a source would, and reads back the byte ranges they report.
enum LogLineHarness {
  /// Every line through one fresh parser, in order, numbered from 1; times without a year are in 2026.
  static func records<P: LineParser>(_: P.Type, _ lines: [String], utcOffsetSeconds: Int = 0) -> [Record] {
    var parser = P(
      context: ParserContext(
        path: "test.log", options: ReadOptions(utcOffsetSeconds: utcOffsetSeconds, year: 2026)))
    return lines.enumerated().map { offset, line in
      var line = line
      return line.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), number: offset + 1) }
    }
  }

  static func record<P: LineParser>(_ type: P.Type, _ line: String, utcOffsetSeconds: Int = 0) -> Record {
    records(type, [line], utcOffsetSeconds: utcOffsetSeconds)[0]
  }

  static func recognizes<P: LineParser>(_: P.Type, _ line: String) -> Bool {
    var line = line
    return line.withUTF8 { P.recognizes(UnsafeRawBufferPointer($0)) }
  }

  /// The text of a byte range of `line`, as a parser's `Range<Int>` fields point into it.
  static func text(_ range: Range<Int>, of line: String) -> String {
    String(decoding: Array(line.utf8)[range], as: UTF8.self)
  }

  static func event(_ record: Record) -> LogEvent? {
    if case .log(let event) = record { return event }
    return nil
  }

  static func request(_ record: Record) -> AccessRecord? {
    if case .request(let request) = record { return request }
    return nil
  }

  static func isMalformed(_ record: Record) -> Bool {
    if case .malformed = record { return true }
    return false
  }

  /// Writes `contents` to a new file in the temporary directory and returns its path.
  static func temporaryFile(_ contents: String, name: String = "source.log") throws -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("formats-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url.path
  }
}
