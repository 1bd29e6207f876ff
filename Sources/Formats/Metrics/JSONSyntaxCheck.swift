/// Finds where a JSON document stops being valid, for error messages: Foundation's decoder reports only that
/// the data is corrupted, and a user fixing a truncated or hand-edited export needs the byte offset.
///
/// Iterative (an explicit stack of open containers), so deeply nested input cannot exhaust the call stack.
enum JSONSyntaxCheck {
  /// The offset of the first byte that cannot continue valid JSON (the length when the document is cut
  /// short); nil when the whole document is one valid JSON value.
  static func errorOffset(in document: [UInt8]) -> Int? {
    document.withUnsafeBytes { bytes in
      var open: [UInt8] = []
      var expect = Expectation.value
      var index = 0
      while true {
        index = skipWhitespace(bytes, from: index)
        guard index < bytes.count else { return open.isEmpty && expect == .end ? nil : index }
        let byte = bytes[index]
        switch expect {
        case .end:
          return index
        case .value, .valueOrClose:
          if expect == .valueOrClose, byte == closeBracket {
            open.removeLast()
            index += 1
          } else if byte == openBrace || byte == openBracket {
            open.append(byte)
            index += 1
            expect = byte == openBrace ? .keyOrClose : .valueOrClose
            continue
          } else {
            switch scalarEnd(bytes, from: index) {
            case .end(let end): index = end
            case .error(let offset): return offset
            }
          }
          expect = open.isEmpty ? .end : .commaOrClose
        case .key, .keyOrClose:
          if expect == .keyOrClose, byte == closeBrace {
            open.removeLast()
            index += 1
            expect = open.isEmpty ? .end : .commaOrClose
            continue
          }
          guard byte == quote else { return index }
          switch stringEnd(bytes, from: index) {
          case .end(let end): index = end
          case .error(let offset): return offset
          }
          expect = .colon
        case .colon:
          guard byte == colon else { return index }
          index += 1
          expect = .value
        case .commaOrClose:
          let container = open[open.count - 1]
          if byte == comma {
            index += 1
            expect = container == openBrace ? .key : .value
          } else if (container == openBrace && byte == closeBrace)
            || (container == openBracket && byte == closeBracket)
          {
            open.removeLast()
            index += 1
            expect = open.isEmpty ? .end : .commaOrClose
          } else {
            return index
          }
        }
      }
    }
  }

  private enum Expectation {
    case value, valueOrClose, key, keyOrClose, colon, commaOrClose, end
  }

  private enum Scan {
    case end(Int)
    case error(Int)
  }

  /// A string, number or literal starting at `start`.
  private static func scalarEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Scan {
    let byte = bytes[start]
    if byte == quote { return stringEnd(bytes, from: start) }
    if byte == minus || DecimalBytes.isDigit(byte) { return numberEnd(bytes, from: start) }
    for literal: StaticString in ["true", "false", "null"]
    where ByteLiterals.hasPrefix(bytes, literal, at: start) {
      return .end(start + literal.utf8CodeUnitCount)
    }
    return .error(start)
  }

  private static func stringEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Scan {
    var index = start + 1
    while index < bytes.count {
      switch bytes[index] {
      case quote:
        return .end(index + 1)
      case backslash:
        guard index + 1 < bytes.count else { return .error(bytes.count) }
        let escaped = bytes[index + 1]
        if escaped == 0x75 {
          for offset in 2..<6 {
            guard index + offset < bytes.count else { return .error(bytes.count) }
            guard isHexDigit(bytes[index + offset]) else { return .error(index + offset) }
          }
          index += 6
        } else {
          switch escaped {
          case quote, backslash, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: index += 2
          default: return .error(index + 1)
          }
        }
      case 0..<0x20:
        return .error(index)
      default:
        index += 1
      }
    }
    return .error(bytes.count)
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
  private static func numberEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Scan {
    var index = start
    if bytes[index] == minus { index += 1 }
    guard index < bytes.count, DecimalBytes.isDigit(bytes[index]) else { return .error(index) }
    if bytes[index] == 0x30 {
      index += 1
    } else {
      index = digitsEnd(bytes, from: index)
    }
    if index < bytes.count, bytes[index] == 0x2E {
      let fraction = index + 1
      index = digitsEnd(bytes, from: fraction)
      guard index > fraction else { return .error(index) }
    }
    if index < bytes.count, bytes[index] | 0x20 == 0x65 {
      index += 1
      if index < bytes.count, bytes[index] == 0x2B || bytes[index] == minus { index += 1 }
      let exponent = index
      index = digitsEnd(bytes, from: exponent)
      guard index > exponent else { return .error(index) }
    }
    return .end(index)
  }

  private static func digitsEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var index = start
    while index < bytes.count, DecimalBytes.isDigit(bytes[index]) { index += 1 }
    return index
  }

  private static func skipWhitespace(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return index
      }
    }
    return index
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    DecimalBytes.isDigit(byte) || (byte | 0x20) &- 0x61 < 6
  }

  private static let quote: UInt8 = 0x22
  private static let comma: UInt8 = 0x2C
  private static let minus: UInt8 = 0x2D
  private static let colon: UInt8 = 0x3A
  private static let openBracket: UInt8 = 0x5B
  private static let backslash: UInt8 = 0x5C
  private static let closeBracket: UInt8 = 0x5D
  private static let openBrace: UInt8 = 0x7B
  private static let closeBrace: UInt8 = 0x7D
}
