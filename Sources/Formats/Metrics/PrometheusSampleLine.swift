#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One exposition sample line, `name{label="value",…} value [timestamp]`, located as byte ranges in the line.
///
/// Scanning only finds the parts (quote-aware, so `}` and spaces inside label values are data); the labels
/// are decoded by `labels(in:)` only when the series is new.
struct PrometheusSampleLine {
  /// `name{…}` exactly as written: the spelling a series is interned by.
  var series: Range<Int>
  var name: Range<Int>
  /// The bytes between the braces; nil when the line has none.
  var labels: Range<Int>?
  var value: Range<Int>
  var timestamp: Range<Int>?

  enum Scan {
    case sample(PrometheusSampleLine)
    /// Reasons are string literals, so a file full of bad lines allocates nothing for them.
    case malformed(String)
  }

  static func scan(_ line: UnsafeRawBufferPointer) -> Scan {
    let end = line.count
    var index = skipBlanks(line, from: 0)
    let nameStart = index
    guard index < end, isNameStart(line[index]) else {
      return .malformed("sample line does not start with a metric name")
    }
    index += 1
    while index < end, isNameByte(line[index]) { index += 1 }
    let name = nameStart..<index
    var labels: Range<Int>?
    var seriesEnd = index
    let afterName = skipBlanks(line, from: index)
    if afterName < end, line[afterName] == braceOpen {
      guard let close = lastClosingBrace(line, from: afterName + 1) else {
        return .malformed("label set without a closing brace")
      }
      labels = (afterName + 1)..<close
      seriesEnd = close + 1
      index = seriesEnd
    }
    index = skipBlanks(line, from: index)
    let valueStart = index
    while index < end, !isBlank(line[index]) { index += 1 }
    guard index > valueStart else { return .malformed("sample line without a value") }
    let value = valueStart..<index
    index = skipBlanks(line, from: index)
    var timestamp: Range<Int>?
    if index < end, line[index] != hash {
      let timestampStart = index
      while index < end, !isBlank(line[index]) { index += 1 }
      timestamp = timestampStart..<index
      index = skipBlanks(line, from: index)
    }
    // An OpenMetrics exemplar (` # {trace_id="…"} 1`) may follow; nothing else may.
    guard index == end || line[index] == hash else {
      return .malformed("unexpected text after the sample's timestamp")
    }
    return .sample(
      PrometheusSampleLine(
        series: nameStart..<seriesEnd, name: name, labels: labels, value: value, timestamp: timestamp))
  }

  enum Labels {
    case labels([MetricSeries.Label])
    case malformed(String)
  }

  /// The labels decoded (escapes `\\`, `\"`, `\n` resolved), empty values dropped as Prometheus does.
  func labels(in line: UnsafeRawBufferPointer) -> Labels {
    guard let range = labels else { return .labels([]) }
    var decoded: [MetricSeries.Label] = []
    var index = Self.skipBlanks(line, from: range.lowerBound, to: range.upperBound)
    while index < range.upperBound {
      let nameStart = index
      guard Self.isLabelNameStart(line[index]) else { return .malformed("invalid label name") }
      while index < range.upperBound, Self.isLabelNameByte(line[index]) { index += 1 }
      let labelName = String(
        decoding: UnsafeRawBufferPointer(rebasing: line[nameStart..<index]), as: UTF8.self)
      index = Self.skipBlanks(line, from: index, to: range.upperBound)
      guard index < range.upperBound, line[index] == Self.equals else {
        return .malformed("label name without `=`")
      }
      index = Self.skipBlanks(line, from: index + 1, to: range.upperBound)
      guard index < range.upperBound, line[index] == Self.quote else {
        return .malformed("label value is not quoted")
      }
      var value: [UInt8] = []
      index += 1
      while index < range.upperBound, line[index] != Self.quote {
        if line[index] == Self.backslash, index + 1 < range.upperBound {
          index += 1
          switch line[index] {
          case 0x6E: value.append(0x0A)
          case Self.backslash, Self.quote: value.append(line[index])
          default: value.append(contentsOf: [Self.backslash, line[index]])
          }
        } else {
          value.append(line[index])
        }
        index += 1
      }
      guard index < range.upperBound else { return .malformed("label value without a closing quote") }
      if !value.isEmpty {
        decoded.append(MetricSeries.Label(name: labelName, value: String(decoding: value, as: UTF8.self)))
      }
      index = Self.skipBlanks(line, from: index + 1, to: range.upperBound)
      if index < range.upperBound {
        guard line[index] == Self.comma else { return .malformed("labels not separated by commas") }
        index = Self.skipBlanks(line, from: index + 1, to: range.upperBound)
      }
    }
    let names = decoded.map(\.name).sorted()
    if zip(names, names.dropFirst()).contains(where: { $0 == $1 }) {
      return .malformed("the same label name twice in one series")
    }
    return .labels(decoded)
  }

  /// The index of the `}` closing a label set whose contents start at `start`, skipping quoted values.
  /// The closing brace of a label set followed only by the value and time: on a line without `#` (no
  /// exemplar), the last `}` — found from the end in a few bytes instead of walking every label value.
  /// A label set this misreads (an unclosed quote) fails when its series is first decoded.
  static func lastClosingBrace(_ line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard start < line.count, let base = line.baseAddress,
      memchr(base + start, Int32(hash), line.count - start) == nil
    else { return closingBrace(line, from: start) }
    var index = line.count - 1
    while index >= start, line[index] != braceClose { index -= 1 }
    return index >= start ? index : nil
  }

  static func closingBrace(_ line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var index = start
    while index < line.count {
      switch line[index] {
      case braceClose:
        return index
      case quote:
        index += 1
        while index < line.count, line[index] != quote {
          index += line[index] == backslash ? 2 : 1
        }
        guard index < line.count else { return nil }
      default:
        break
      }
      index += 1
    }
    return nil
  }

  static func skipBlanks(_ line: UnsafeRawBufferPointer, from start: Int, to end: Int? = nil) -> Int {
    let end = end ?? line.count
    var index = start
    while index < end, isBlank(line[index]) { index += 1 }
    return index
  }

  /// Spaces and tabs separate fields; a `\r` left by CRLF line ends counts as trailing blank.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

  /// `[a-zA-Z_:]`
  @inline(__always)
  static func isNameStart(_ byte: UInt8) -> Bool { isLabelNameStart(byte) || byte == 0x3A }

  /// `[a-zA-Z0-9_:]`
  @inline(__always)
  static func isNameByte(_ byte: UInt8) -> Bool { isLabelNameByte(byte) || byte == 0x3A }

  /// `[a-zA-Z_]`
  @inline(__always)
  static func isLabelNameStart(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte == 0x5F }

  /// `[a-zA-Z0-9_]`
  @inline(__always)
  static func isLabelNameByte(_ byte: UInt8) -> Bool { isLabelNameStart(byte) || byte &- 0x30 < 10 }

  static let quote: UInt8 = 0x22
  static let hash: UInt8 = 0x23
  static let comma: UInt8 = 0x2C
  static let equals: UInt8 = 0x3D
  static let backslash: UInt8 = 0x5C
  static let braceOpen: UInt8 = 0x7B
  static let braceClose: UInt8 = 0x7D
}
