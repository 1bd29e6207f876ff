/// Levels written as abbreviations rather than words, each spelling a row with its example:
/// - a lone capital, as Android's logcat (`… 1215 W [tag] …`, `V/Configuration( 1766): …`), glog's prefix
///   (`E0517 …`), CUPS (`E [04/Nov/2010:…]`), Ruby's Logger (`I, [2024-06-26T…`) and lnav write them;
/// - ESXi's syslog severity with its priority (`Db(167)`, `In(14)`, `Wa(180)`);
/// - SSSD's debug level as a bit mask (`(0x0040)`: serious failures).
enum LevelLetters {
  struct Row: Sendable {
    let spelling: StaticString
    let level: LogLevel
    /// A line fragment that carries it.
    let example: StaticString
  }

  static let rows: [Row] = [
    Row(
      spelling: "V", level: .trace, example: "05-26 11:18:41.509  1000 23402 23402 V VirtualCameraSession: x"),
    Row(spelling: "D", level: .debug, example: "06-06 14:26:44.749 13850 13850 D ScreenSharingSample: x"),
    Row(
      spelling: "I", level: .info,
      example: "I [04/Nov/2010:17:37:40 -0400] Allowing up to 100 client connections"),
    Row(
      spelling: "W", level: .warn, example: "05-21 20:54:20.971  root  1215  1215 W [18:54:20.964683][dhd] x"),
    Row(
      spelling: "E", level: .error, example: "E [08/Jun/2013:11:28:58 -0700] Unknown directive BrowseOrder"),
    Row(spelling: "F", level: .fatal, example: "F0517 15:04:22.619632 1952 main.cc:25] Check failed: x"),
    Row(spelling: "Db(", level: .debug, example: "2022-06-02T02:56:51.118Z Db(167) Hostd[1001392583]: x"),
    Row(spelling: "In(", level: .info, example: "2022-06-02T05:34:56.746Z In(14) ConfigStore[1001430703]: x"),
    Row(spelling: "No(", level: .info, example: "2022-06-02T05:34:56.746Z No(13) ConfigStore[1001430703]: x"),
    Row(spelling: "Wa(", level: .warn, example: "2023-08-08T15:08:36.834Z Wa(180) vmkwarning: cpu0:263421 x"),
    Row(spelling: "Er(", level: .error, example: "2023-08-08T15:08:36.834Z Er(179) vmkernel: x"),
    Row(spelling: "Cr(", level: .fatal, example: "2023-08-08T15:08:36.834Z Cr(178) vmkernel: x"),
    Row(spelling: "Al(", level: .fatal, example: "2023-08-08T15:08:36.834Z Al(177) vmkernel: x"),
    Row(spelling: "Em(", level: .fatal, example: "2023-08-08T15:08:36.834Z Em(176) vmkernel: x"),
    Row(
      spelling: "(0x0010)", level: .fatal, example: "(2022-06-14  0:31:43): [pam] [x] (0x0010): fatal error"),
    Row(spelling: "(0x0020)", level: .fatal, example: "(2022-06-14  0:31:43): [pam] [x] (0x0020): critical"),
    Row(
      spelling: "(0x0040)", level: .error, example: "(2022-06-08  8:52:40): [be] [x] (0x0040): [RID#3] exists"
    ),
    Row(
      spelling: "(0x0080)", level: .warn, example: "(2022-06-08  8:52:40): [be] [x] (0x0080): minor failure"),
  ]

  /// The level a word (as `LevelWord` cuts it: up to a blank, bracket, dash, bar, dot or colon) spells; a lone
  /// capital counts only when a blank, a comma, a slash or the line's end follows it, or, at the line's start,
  /// the digits of a date (glog).
  @inline(__always)
  static func level(in line: UnsafeRawBufferPointer, _ range: Range<Int>) -> LogLevel? {
    let first = line[range.lowerBound]
    if ASCII.isUpperLetter(first) {
      let next = line.byte(at: range.lowerBound + 1)
      if range.count == 1 || next == ASCII.slash {
        // glog's `E0517 …`: the letter at the line's start, the date right after it.
        let glued = range.lowerBound == 0 && next.map(ASCII.isDigit) ?? false
        guard
          glued || next == nil || next == ASCII.space || next == ASCII.tab || next == ASCII.comma
            || next == ASCII.slash
        else { return nil }
        return match(line, range.lowerBound..<(range.lowerBound + 1))
      }
      // `Db(167)`: two letters, a parenthesis, a digit.
      guard range.count >= 4, line.byte(at: range.lowerBound + 2) == 0x28,
        let digit = line.byte(at: range.lowerBound + 3), ASCII.isDigit(digit)
      else { return nil }
      return match(line, range.lowerBound..<(range.lowerBound + 3))
    }
    guard first == 0x28, range.count >= 8 else { return nil }  // '('
    return match(line, range.lowerBound..<(range.lowerBound + 8))
  }

  private static func match(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> LogLevel? {
    for row in rows where row.spelling.utf8CodeUnitCount == range.count {
      if line.matches(row.spelling, at: range.lowerBound) { return row.level }
    }
    return nil
  }
}
