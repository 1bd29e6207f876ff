/// Remembers the last `yyyy-MM-ddTHH:mm` a parser read: consecutive lines of a log mostly share it, so only
/// the seconds, the fraction and the zone are read again. Checking and converting the date was most of the
/// cost of a time stamp, itself 7% of reading an access log.
struct DateTimeCache {
  private var first: UInt64 = 0
  private var second: UInt64 = 0
  private var minute: Int64?

  /// `TimestampScanner.dateTime`, with the date and the minute taken from the cache when they are the same.
  @inline(__always)
  mutating func dateTime(
    in line: UnsafeRawBufferPointer, at start: Int, localOffsetSeconds: LocalZone
  ) -> ScannedTime? {
    guard start >= 0, start + 16 <= line.count else {
      return TimestampScanner.dateTime(in: line, at: start, localOffsetSeconds: localOffsetSeconds)
    }
    let first = line.loadUnaligned(fromByteOffset: start, as: UInt64.self)
    let second = line.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)
    if let minute, first == self.first, second == self.second {
      return TimestampScanner.dateTime(
        in: line, at: start, minute: minute, localOffsetSeconds: localOffsetSeconds)
    }
    guard let minute = TimestampScanner.minute(in: line, at: start) else { return nil }
    (self.first, self.second, self.minute) = (first, second, minute)
    return TimestampScanner.dateTime(
      in: line, at: start, minute: minute, localOffsetSeconds: localOffsetSeconds)
  }
}
