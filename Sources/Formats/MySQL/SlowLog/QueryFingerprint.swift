/// A statement reduced to its shape as pt-query-digest reduces it (`QueryRewriter::fingerprint`, percona-toolkit
/// 3.x), so that the slow log's classes match the ones an SRE sees in a digest report: comments dropped, quoted
/// strings, numbers, `true`/`false` and `NULL` turned into `?`, whitespace collapsed, lower-cased, `IN (…)` and
/// `VALUES (…), (…)` lists collapsed to `(?+)`, `LIMIT ?, ?` to `LIMIT ?`, `ASC` dropped after `ORDER BY`.
///
/// The rewrite is the toolkit's sequence of regular expressions done in two passes over the bytes, with reused
/// buffers: no allocation per statement once warm. Like the toolkit it replaces numbers inside names too
/// (`tbl1` → `tbl?`), because digests group by it. Left out: the rarely met collapse of a `SELECT` repeated by
/// `UNION`, and pt's quirks with comments and quotes nested inside strings.
public struct QueryFingerprint: Sendable {
  /// Room for the longest fingerprint so far: the first `length` bytes are the last one made.
  private var storage: [UInt8] = []
  private var spare: [UInt8] = []
  private var length = 0

  public init() {}

  /// The last fingerprint made, lower-case bytes.
  public var bytes: ArraySlice<UInt8> { storage[0..<length] }

  /// The fingerprint of a statement given as text, for tests and one-off use.
  public static func text(of statement: String) -> String {
    var fingerprint = QueryFingerprint()
    var statement = statement
    statement.withUTF8 { _ = fingerprint.make(UnsafeRawBufferPointer($0)) }
    return String(decoding: fingerprint.bytes, as: UTF8.self)
  }

  /// Fingerprints `statement` into `bytes` and returns the hash of the result (FNV-1a, 64 bits): the identity
  /// a slow log's entries are grouped by.
  @discardableResult
  public mutating func make(_ statement: UnsafeRawBufferPointer) -> UInt64 {
    // A fingerprint is never longer than its statement by more than a third (`(1)` → `(?+)`): the buffers are
    // sized once for it, and written through pointers without a check per byte.
    let needed = statement.count * 2 + 64
    if storage.count < needed {
      storage = [UInt8](repeating: 0, count: needed)
      spare = storage
    }
    var output: [UInt8] = []
    var second: [UInt8] = []
    swap(&output, &storage)
    swap(&second, &spare)
    defer {
      swap(&output, &storage)
      swap(&second, &spare)
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    length = output.withUnsafeMutableBufferPointer { out in
      var sink = ByteSink(base: out.baseAddress!)
      if !Self.special(statement, into: &sink) {
        Self.rewriteLiterals(Self.multiRowPrefix(statement), into: &sink)
        let first = UnsafeBufferPointer(start: out.baseAddress, count: sink.count)
        second.withUnsafeMutableBufferPointer { collapsed in
          var lists = ByteSink(base: collapsed.baseAddress!)
          Self.collapseLists(first, into: &lists)
          out.baseAddress!.update(from: collapsed.baseAddress!, count: lists.count)
          sink.count = lists.count
        }
      }
      for index in 0..<sink.count { hash = (hash ^ UInt64(out[index])) &* 0x100_0000_01b3 }
      return sink.count
    }
    return hash
  }

  // MARK: Whole-statement cases

  /// mysqldump's scan, administrator commands, `CALL p(…)` and `USE db`, which the toolkit answers before
  /// any rewriting.
  private static func special(_ statement: UnsafeRawBufferPointer, into bytes: inout ByteSink) -> Bool {
    if statement.matches("SELECT /*!40001 SQL_NO_CACHE */ * FROM `", at: 0) {
      bytes.append("mysqldump")
      return true
    }
    if statement.matches("administrator command: ", at: 0) {
      for byte in statement { bytes.append(byte) }
      return true
    }
    var start = 0
    while start < statement.count, isSpace(statement[start]) { start += 1 }
    if statement.equalsIgnoringCase(start..<min(start + 4, statement.count), "call"),
      let gap = statement.byte(at: start + 4), isSpace(gap)
    {
      var index = start + 4
      while index < statement.count, isSpace(statement[index]) { index += 1 }
      let name = index
      while index < statement.count, !isSpace(statement[index]), statement[index] != 0x28 { index += 1 }
      if index > name, index < statement.count, statement[index] == 0x28 {
        for byte in statement[start..<index] { bytes.append(ASCII.lowercased(byte)) }
        return true
      }
    }
    // `use db` alone (a trailing newline allowed): the database is abstracted and nothing else changes.
    var end = statement.count
    if end > 0, statement[end - 1] == 0x0A { end -= 1 }
    if end > 4, statement.equalsIgnoringCase(0..<3, "use"), statement[3] == ASCII.space,
      !(4..<end).contains(where: { isSpace(statement[$0]) })
    {
      bytes.append("use ?")
      return true
    }
    return false
  }

  /// A multi-row `INSERT`/`REPLACE … VALUES (…), (…)` cut after its first row, as the toolkit does first.
  private static func multiRowPrefix(_ statement: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    let verb: Int
    if statement.equalsIgnoringCase(0..<min(6, statement.count), "insert") {
      verb = 6
    } else if statement.equalsIgnoringCase(0..<min(7, statement.count), "replace") {
      verb = 7
    } else {
      return statement
    }
    var index = verb
    if statement.equalsIgnoringCase(index..<min(index + 7, statement.count), " ignore") { index += 7 }
    let gap = index
    while index < statement.count, isSpace(statement[index]) { index += 1 }
    guard index > gap, statement.equalsIgnoringCase(index..<min(index + 4, statement.count), "into") else {
      return statement
    }
    // `.+?VALUES\s*\(`: the first VALUES after INTO and at least one byte that a parenthesis follows.
    var search = index + 5
    while search + 6 <= statement.count {
      guard statement.equalsIgnoringCase(search..<(search + 6), "values") else {
        search += 1
        continue
      }
      var open = search + 6
      while open < statement.count, isSpace(statement[open]) { open += 1 }
      guard open < statement.count, statement[open] == 0x28 else {
        search += 1
        continue
      }
      // `.*?\)\s*,\s*\(`: the first closing parenthesis that another row follows.
      var close = open + 1
      while close < statement.count {
        if statement[close] == 0x29 {
          var next = close + 1
          while next < statement.count, isSpace(statement[next]) { next += 1 }
          if next < statement.count, statement[next] == ASCII.comma {
            next += 1
            while next < statement.count, isSpace(statement[next]) { next += 1 }
            if next < statement.count, statement[next] == 0x28 {
              return UnsafeRawBufferPointer(rebasing: statement[0...close])
            }
          }
        }
        close += 1
      }
      return statement
    }
    return statement
  }

  // MARK: Literals, comments, whitespace, case

  /// Comments dropped, quoted strings, numbers and booleans turned into `?` (a `x`, `b` or `.` right before a
  /// `?` dropped with it, as the toolkit's `[xb.+-]\?`), whitespace runs made one space, letters lower-cased.
  private static func rewriteLiterals(_ statement: UnsafeRawBufferPointer, into bytes: inout ByteSink) {
    var end = statement.count
    if end > 0, statement[end - 1] == 0x0A { end -= 1 }  // chomp
    /// The original byte of the last one written, which the `[xb.]\?` rule looks at; 0 for a `?` or space.
    var lastOriginal: UInt8 = 0
    var index = 0
    while index < end, Self.isSpace(statement[index]) { index += 1 }
    func question(_ output: inout ByteSink) {
      if lastOriginal == 0x78 || lastOriginal == 0x62 || lastOriginal == ASCII.dot { output.removeLast() }
      output.append(0x3F)
      lastOriginal = 0
    }
    while index < end {
      let byte = statement[index]
      switch byte {
      case 0x2F where statement.byte(at: index + 1) == 0x2A && statement.byte(at: index + 2) != 0x21:
        // `/* … */`, but not the `/*! … */` version comments the server executes.
        if let close = Self.commentEnd(statement, from: index + 2, to: end) {
          index = close
          continue
        }
      case ASCII.minus where statement.byte(at: index + 1) == ASCII.minus,
        0x23:  // `--` or `#` to the end of a line without quotes
        if let lineEnd = Self.oneLineCommentEnd(statement, from: index, to: end) {
          index = lineEnd
          continue
        }
      case ASCII.backslash
      where statement.byte(at: index + 1) == 0x27 || statement.byte(at: index + 1) == 0x22:
        index += 2
        continue
      case 0x27, 0x22:
        if let close = Self.stringEnd(statement, quote: byte, from: index + 1, to: end) {
          question(&bytes)
          index = close + 1
          continue
        }
      default:
        break
      }
      if Self.isSpace(byte) {
        while index < end, Self.isSpace(statement[index]) { index += 1 }
        // Blanks on both sides of a dropped comment are one run, as they are once the toolkit dropped it.
        if bytes.last != ASCII.space { bytes.append(ASCII.space) }
        lastOriginal = 0
        continue
      }
      if ASCII.isDigit(byte) || byte == ASCII.plus || byte == ASCII.minus {
        index += 1
        while index < end, Self.continuesNumber(statement[index]) { index += 1 }
        question(&bytes)
        continue
      }
      if byte == 0x3F {
        question(&bytes)
        index += 1
        continue
      }
      if (byte | 0x20) == 0x74 || (byte | 0x20) == 0x66, !Self.isWord(bytes.last ?? ASCII.space),
        let length = Self.boolean(statement, at: index, end: end)
      {
        question(&bytes)
        index += length
        continue
      }
      bytes.append(ASCII.lowercased(byte))
      lastOriginal = byte
      index += 1
    }
  }

  /// The index after the `*/` closing a comment opened before `from`.
  private static func commentEnd(_ statement: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int? {
    var index = from
    while index + 1 < end {
      if statement[index] == 0x2A && statement[index + 1] == ASCII.slash { return index + 2 }
      index += 1
    }
    return nil
  }

  /// The end of a one-line comment starting at `from`, when no quote comes before the line ends.
  private static func oneLineCommentEnd(_ statement: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int? {
    var index = from
    while index < end {
      let byte = statement[index]
      if byte == 0x0A || byte == 0x0D { return index }
      if byte == 0x27 || byte == 0x22 { return nil }
      index += 1
    }
    return end
  }

  /// The index of the quote closing a string, escaped quotes (`\'`, `\"`) skipped as the toolkit drops them.
  private static func stringEnd(_ statement: UnsafeRawBufferPointer, quote: UInt8, from: Int, to end: Int)
    -> Int?
  {
    var index = from
    while index < end {
      let byte = statement[index]
      if byte == ASCII.backslash, let next = statement.byte(at: index + 1), next == 0x27 || next == 0x22 {
        index += 2
        continue
      }
      if byte == quote { return index }
      index += 1
    }
    return nil
  }

  /// The length of `true` or `false` at `index` when a non-word byte (or the end) follows.
  private static func boolean(_ statement: UnsafeRawBufferPointer, at index: Int, end: Int) -> Int? {
    for (word, length) in [("true" as StaticString, 4), ("false", 5)] where index + length <= end {
      if statement.equalsIgnoringCase(index..<(index + length), word),
        index + length == end || !isWord(statement[index + length])
      {
        return length
      }
    }
    return nil
  }

  // MARK: Lists, LIMIT, ORDER BY

  /// `\bnull\b` → `?`, `\b(in|values?)` + `(…)` groups of `?`, commas and blanks → `(?+)`, the first
  /// `limit ?, ?` / `limit ? offset ?` → `limit ?`, and ` asc` dropped after the first `order by `.
  private static func collapseLists(_ bytes: UnsafeBufferPointer<UInt8>, into scratch: inout ByteSink) {
    var index = 0
    let count = bytes.count
    var limitDone = false
    var orderBy = false
    while index < count {
      let byte = bytes[index]
      // Only these bytes can start a rewrite; the rest are copied at once.
      guard
        byte == 0x6E || byte == 0x69 || byte == 0x76 || byte == 0x6C || byte == 0x6F || byte == ASCII.space
      else {
        scratch.append(byte)
        index += 1
        continue
      }
      let atBoundary = index == 0 || !isWord(bytes[index - 1])
      if byte == 0x6E, atBoundary, bytes.starts(with: "null", at: index),
        index + 4 == count || !isWord(bytes[index + 4])
      {
        scratch.append(0x3F)
        index += 4
        continue
      }
      if byte == 0x69 || byte == 0x76, atBoundary, let word = listWord(bytes, at: index),
        let after = listGroups(bytes, from: index + word)
      {
        for offset in index..<(index + word) { scratch.append(bytes[offset]) }
        scratch.append("(?+)")
        index = after
        continue
      }
      if byte == 0x6C, !limitDone, atBoundary, bytes.starts(with: "limit ?", at: index) {
        limitDone = true
        scratch.append("limit ?")
        index += 7
        if bytes.starts(with: ", ?", at: index) {
          index += 3
        } else if bytes.starts(with: ",?", at: index) {
          index += 2
        } else if bytes.starts(with: " offset ?", at: index) {
          index += 9
        }
        continue
      }
      if byte == 0x6F, !orderBy, atBoundary, bytes.starts(with: "order by ", at: index) {
        orderBy = true
        scratch.append("order by ")
        index += 9
        continue
      }
      if orderBy, byte == ASCII.space, bytes.starts(with: " asc", at: index) {
        index += 4
        continue
      }
      scratch.append(byte)
      index += 1
    }
  }

  /// The length of `in`, `values` or `value` at `index`.
  private static func listWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    if bytes.starts(with: "in", at: index) { return 2 }
    if bytes.starts(with: "values", at: index) { return 6 }
    if bytes.starts(with: "value", at: index) { return 5 }
    return nil
  }

  /// The index after `(?:[\s,]*\([\s?,]*\))+` from `from`, nil when not even one group is there.
  private static func listGroups(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var index = from
    var matched: Int?
    while true {
      var cursor = index
      while cursor < bytes.count, bytes[cursor] == ASCII.space || bytes[cursor] == ASCII.comma { cursor += 1 }
      guard cursor < bytes.count, bytes[cursor] == 0x28 else { return matched }
      cursor += 1
      while cursor < bytes.count,
        bytes[cursor] == ASCII.space || bytes[cursor] == ASCII.comma || bytes[cursor] == 0x3F
      {
        cursor += 1
      }
      guard cursor < bytes.count, bytes[cursor] == 0x29 else { return matched }
      index = cursor + 1
      matched = index
    }
  }

  // MARK: Bytes

  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == ASCII.space || byte == 0x0A || byte == ASCII.tab || byte == 0x0D || byte == 0x0C
  }

  /// `\w`: letters, digits, underscore.
  @inline(__always)
  private static func isWord(_ byte: UInt8) -> Bool {
    ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == ASCII.underscore
  }

  /// `[0-9a-f.xb+-]`, case-sensitive as the toolkit's class is.
  @inline(__always)
  private static func continuesNumber(_ byte: UInt8) -> Bool {
    ASCII.isDigit(byte) || (byte &- 0x61 < 6) || byte == ASCII.dot || byte == 0x78 || byte == ASCII.plus
      || byte == ASCII.minus
  }
}
