/// The application's own line inside a wrapper that already gave its time (a CRI container log, a Loki
/// export): its level and message, whatever the application wrote — a JSON object or text.
enum EmbeddedLine {
  /// The level and message of the line from `start` on: a JSON object's `level`/`severity`/`lvl` and
  /// `msg`/`message`/`log`, or the level word after any time stamp of its own (see `LevelWord`); `info` and
  /// the whole rest when neither tells.
  static func read(_ line: UnsafeRawBufferPointer, from start: Int) -> (level: LogLevel, message: Range<Int>)
  {
    let start = line.skippingBlanks(from: start)
    let whole = start..<line.count
    if line.byte(at: start) == ASCII.openBrace {
      if line.byte(at: start + 1) == ASCII.backslash { return escapedJSON(line, from: start) }
      return json(line, from: start) ?? (.info, whole)
    }
    var after = start
    let bracketed = line.byte(at: start) == ASCII.openBracket ? 1 : 0
    if let time = TimestampScanner.dateTime(in: line, at: start + bracketed, localOffsetSeconds: .utc)
      ?? TimestampScanner.slashedDateTime(in: line, at: start + bracketed, localOffsetSeconds: .utc)
    {
      after = time.end + (line.byte(at: time.end) == ASCII.closeBracket ? 1 : 0)
    }
    guard let found = LevelWord.find(in: line, from: after) else {
      return (.info, line.skippingBlanks(from: after)..<line.count)
    }
    return (found.level, found.messageStart..<line.count)
  }

  private static let escapedLevelKeys: [StaticString] = [
    #"\"level\":\""#, #"\"severity\":\""#, #"\"lvl\":\""#,
  ]

  /// A JSON object inside a JSON string (`{\"level\":\"error\",\"msg\":\"…\"}`), as Docker and Loki's jsonl
  /// carry a JSON logger's line: its level and message by their escaped keys.
  private static func escapedJSON(_ line: UnsafeRawBufferPointer, from start: Int) -> (LogLevel, Range<Int>) {
    var level = LogLevel.info
    for key in escapedLevelKeys {
      if let value = escapedValue(line, from: start, key: key), let name = LogLevel(name: line, value) {
        level = name
        break
      }
    }
    let message =
      escapedValue(line, from: start, key: #"\"msg\":\""#)
      ?? escapedValue(line, from: start, key: #"\"message\":\""#) ?? start..<line.count
    return (level, message)
  }

  /// The text after `key` up to the next `\"`.
  private static func escapedValue(_ line: UnsafeRawBufferPointer, from start: Int, key: StaticString)
    -> Range<Int>?
  {
    let length = key.utf8CodeUnitCount
    var index = start
    while index + length <= line.count {
      if line.matches(key, at: index) {
        let valueStart = index + length
        var end = valueStart
        while end + 1 < line.count, !(line[end] == ASCII.backslash && line[end + 1] == ASCII.quote) {
          end += line[end] == ASCII.backslash ? 2 : 1
        }
        return end + 1 < line.count ? valueStart..<end : nil
      }
      index += 1
    }
    return nil
  }

  private static func json(_ line: UnsafeRawBufferPointer, from start: Int) -> (LogLevel, Range<Int>)? {
    let object = UnsafeRawBufferPointer(rebasing: line[start...])
    var level: JSONValueRange?
    var message: JSONValueRange?
    let complete = JSONObjectScanner.forEachMember(in: object) { key, value in
      if level == nil, value.isString,
        key.count == 5 && object.matches("level", at: key.lowerBound)
          || key.count == 8
            && object.matches("severity", at: key.lowerBound)
          || key.count == 3
            && object.matches("lvl", at: key.lowerBound)
      {
        level = value
      }
      if message == nil, value.isString,
        key.count == 3
          && (object.matches("msg", at: key.lowerBound) || object.matches("log", at: key.lowerBound))
          || key.count == 7 && object.matches("message", at: key.lowerBound)
      {
        message = value
      }
    }
    guard complete else { return nil }
    let severity = level.flatMap { LogLevel(name: object, $0.range) } ?? .info
    let text =
      message.map { ($0.range.lowerBound + start)..<($0.range.upperBound + start) } ?? start..<line.count
    return (severity, text)
  }
}
