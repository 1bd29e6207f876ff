import Testing

@testable import Ingest

@Suite("Line framing")
struct LineFramingTests {
  @Test("an empty file has no lines and no error")
  func emptyFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write([UInt8](), to: "empty.log")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.lines.isEmpty)
    #expect(outcome.reader.compression == .plain)
    #expect(outcome.reader.bytesRead == 0)
  }

  @Test("CRLF endings are stripped and a final line without newline is delivered")
  func crlfAndNoFinalNewline() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("first\r\nsecond\n\r\n\nlast line", to: "mixed.log")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.text == ["first", "second", "", "", "last line"])
    #expect(outcome.numbers == [1, 2, 3, 4, 5])
  }

  @Test("a lone carriage return inside a line is kept; only the one before the newline goes")
  func innerCarriageReturn() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a\rb\r\r\nc\r", to: "cr.log")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == ["a\rb\r", "c"])
  }

  @Test("lines spanning chunk boundaries arrive whole, including one longer than several chunks")
  func spanningChunks() throws {
    var lines = sampleLines(40_000)
    lines.insert(String(repeating: "long-", count: 200_000), at: 20_000)
    let directory = try TemporaryDirectory()
    let path = try directory.write(joined(lines), to: "span.log")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.lines.count == lines.count)
    #expect(outcome.text == lines)
    #expect(outcome.reader.warnings.isEmpty)
  }

  @Test("every chunk size frames the same lines")
  func everyChunkSize() throws {
    let lines = ["", "a", "bc", "", "def\r", "ghij", String(repeating: "k", count: 40), ""]
    let bytes = Array(lines.joined(separator: "\n").utf8)
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "chunks.log")
    let expected = lines.dropLast().map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }

    for chunkSize in 1...bytes.count + 1 {
      let outcome = try ReadOutcome(path: path) { $0.decodedChunkSize = chunkSize }
      #expect(outcome.text == expected, "chunk size \(chunkSize)")
    }
  }

  @Test("a line over the limit is skipped with a warning naming it, and the rest of the file is read")
  func lineTooLong() throws {
    let long = String(repeating: "z", count: 5000)
    let lines = ["before", long, "after", String(repeating: "y", count: 1000), long + "-again"]
    let directory = try TemporaryDirectory()
    let path = try directory.write(lines.joined(separator: "\n"), to: "long.log")

    for chunkSize in [64, 999, 1 << 16] {
      let outcome = try ReadOutcome(path: path) { reader in
        reader.maximumLineLength = 1000
        reader.decodedChunkSize = chunkSize
      }

      #expect(outcome.error == nil)
      #expect(outcome.text == ["before", "after", lines[3]], "chunk size \(chunkSize)")
      #expect(outcome.numbers == [1, 3, 4], "chunk size \(chunkSize)")
      #expect(
        outcome.reader.warnings == [
          .lineTooLong(path: path, line: 2, length: 5000),
          .lineTooLong(path: path, line: 5, length: 5006),
        ], "chunk size \(chunkSize)")
    }
  }

  @Test("a JSON document on one line (an API response) may be longer than the limit; other lines may not")
  func documentLine() throws {
    let document = "  {\"status\":\"success\",\"data\":\"" + String(repeating: "d", count: 5000) + "\"}"
    let directory = try TemporaryDirectory()
    let json = try directory.write(document + "\n" + document, to: "response.json")
    for chunkSize in [64, 1 << 16] {
      let outcome = try ReadOutcome(path: json) { reader in
        reader.maximumLineLength = 1000
        reader.decodedChunkSize = chunkSize
      }
      #expect(outcome.text == [document], "chunk size \(chunkSize)")
      #expect(outcome.reader.warnings == [.lineTooLong(path: json, line: 2, length: document.utf8.count)])
    }
    let text = try directory.write(String(repeating: "t", count: 5000) + "\n{}", to: "text.log")
    let outcome = try ReadOutcome(path: text) { $0.maximumLineLength = 1000 }
    #expect(outcome.text == ["{}"])
  }

  @Test("the default limit lets multi-megabyte lines through")
  func defaultLimit() throws {
    let big = String(repeating: "m", count: 3 << 20)
    let directory = try TemporaryDirectory()
    let path = try directory.write("a\n" + big + "\nb\n", to: "big.log")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.lines.map(\.count) == [1, big.utf8.count, 1])
    #expect(outcome.reader.warnings.isEmpty)
  }

  @Test("an error thrown by the caller stops the reading and reaches the caller")
  func callerStops() throws {
    struct Enough: Error {}
    let directory = try TemporaryDirectory()
    let path = try directory.write(joined(sampleLines(100)), to: "stop.log")
    var reader = LineReader(source: Source(path: path))
    var seen = 0

    #expect(throws: Enough.self) {
      try reader.forEachLine { _, number in
        seen = number
        if number == 10 { throw Enough() }
      }
    }
    #expect(seen == 10)
  }
}
