import Analysis

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `rca.json`: the contract document, byte-deterministic.
///
/// Keys are sorted and slashes left unescaped (paths stay readable); the file ends with a newline. Optional
/// fields that are nil (`rootCause.resource`, an evidence's `file`/`line`/`time`, a source's
/// `format`/`error`, a timeline entry's `subject`) are omitted, not written as `null`. Numbers are rounded to
/// nine significant digits first (`RCADocument.normalisedForJSON`); a non-finite number, which the analysis
/// should never produce, is written as the string `"NaN"`, `"Infinity"` or `"-Infinity"` rather than failing
/// the whole report.
package enum RCAJSON {
  static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
    positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

  /// With `redaction`, the document gains a top-level `redaction` object: whether it was on and what it
  /// masked per rule.
  package static func encode(_ document: RCADocument, redaction: RedactionSummary? = nil) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = nonFinite
    let normalised = document.normalisedForJSON()
    let encoded =
      try redaction.map { try encoder.encode(Redacted(document: normalised, redaction: $0)) }
      ?? encoder.encode(normalised)
    var data = compactingEmptyContainers(encoded)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// The document's own keys plus `redaction`, in one object: both encode into the same keyed container.
  private struct Redacted: Encodable {
    let document: RCADocument
    let redaction: RedactionSummary

    enum Key: String, CodingKey { case redaction }

    func encode(to encoder: any Encoder) throws {
      try document.encode(to: encoder)
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(redaction, forKey: .redaction)
    }
  }

  /// The pretty printer writes an empty array or object over three lines (`[`, a blank line, `]`); this
  /// writes `[]` and `{}`, which reads better and does not depend on that quirk of one Foundation version.
  /// Brackets inside strings are left alone.
  static func compactingEmptyContainers(_ json: Data) -> Data {
    let bytes = [UInt8](json)
    var result = [UInt8]()
    result.reserveCapacity(bytes.count)
    var inString = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      result.append(byte)
      index += 1
      if inString {
        if byte == UInt8(ascii: "\\"), index < bytes.count {
          result.append(bytes[index])
          index += 1
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      if byte == UInt8(ascii: "\"") { inString = true }
      guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else { continue }
      var next = index
      while next < bytes.count && isWhitespace(bytes[next]) { next += 1 }
      let closing = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
      if next < bytes.count && bytes[next] == closing {
        result.append(closing)
        index = next + 1
      }
    }
    return Data(result)
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
      || byte == UInt8(ascii: "\t")
  }
}
