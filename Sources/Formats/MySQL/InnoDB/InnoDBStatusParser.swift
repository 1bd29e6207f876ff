/// `SHOW ENGINE INNODB STATUS` as the `mysql` client prints it: in a table (`| InnoDB |  | ` then the
/// monitor's lines raw), vertically (`\G`, pt-stalk's `-innodbstatus1/2`), or with `-B`, where the whole report
/// is one line with its newlines escaped as `\n`. The monitor's own lines are read whatever the wrapper:
///
/// ```
/// 2026-11-29 02:15:13 0x7f3c INNODB MONITOR OUTPUT
/// ------------------------
/// LATEST DETECTED DEADLOCK
/// …
/// ---TRANSACTION 1236, ACTIVE 120 sec
/// 2 lock struct(s), heap size 1136, 1 row lock(s), undo log entries 1
/// MySQL thread id 10, OS thread handle 1401, query id 60 10.0.3.7 shipping
/// ```
///
/// A report is dated by a `TS` line before it (pt-stalk's capture loops), else by the monitor's own header,
/// which is the server's local time (`--tz`), else by the time in the file name.
public struct InnoDBStatusParser: LineParser {
  public static let format = Format.mysqlInnoDBStatus
  public private(set) var assumedZone = false
  public private(set) var fault: FormatError?
  private let localOffsetSeconds: LocalZone
  private let path: String
  private let fileNameTime: FileNameTime.Reading
  private var stamp: Timestamp?
  private var report: InnoDBReportBuilder?
  private var completed: [Record] = []

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
    path = context.path
    fileNameTime = FileNameTime.read(path: context.path, utcOffsetSeconds: context.options.zone)
  }

  /// Whether the line ends with `INNODB MONITOR OUTPUT` (blanks after it allowed): the report's first and
  /// last lines, found without searching every line.
  static func endsWithMonitorOutput(_ line: UnsafeRawBufferPointer) -> Bool {
    var end = line.count
    while end > 0, line[end - 1] == ASCII.space || line[end - 1] == 0x0D { end -= 1 }
    return end >= 21 && line[end - 1] == 0x54 && line.matches("INNODB MONITOR OUTPUT", at: end - 21)
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    endsWithMonitorOutput(line) || line.matches("---TRANSACTION ", at: 0)
      || (line.matches("InnoDB\t", at: 0) && ByteLiterals.contains(line, "INNODB MONITOR OUTPUT"))
      || line.matches("LATEST DETECTED DEADLOCK", at: 0) || line.matches("History list length ", at: 0)
      || line.matches("Trx id counter ", at: 0) || line.matches("OS WAIT ARRAY INFO", at: 0)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if line.matches("InnoDB\t", at: 0), ByteLiterals.contains(line, "\\n") {
      // `-B`: one line holding the whole report, its newlines escaped.
      var start = 0
      var index = 0
      while index + 1 < line.count {
        if line[index] == ASCII.backslash && line[index + 1] == 0x6E {
          monitorLine(UnsafeRawBufferPointer(rebasing: line[start..<index]), number: number)
          index += 2
          start = index
        } else {
          index += 1
        }
      }
      monitorLine(UnsafeRawBufferPointer(rebasing: line[start..<line.count]), number: number)
    } else {
      monitorLine(line, number: number)
    }
    return completed.isEmpty ? .structure : completed.removeFirst()
  }

  public mutating func finish() -> Record? {
    if report != nil { end() }
    return completed.isEmpty ? nil : completed.removeFirst()
  }

  public mutating func nextCompleted() -> Record? {
    completed.isEmpty ? nil : completed.removeFirst()
  }

  private mutating func monitorLine(_ line: UnsafeRawBufferPointer, number: Int) {
    if let time = SnapshotClock.stamp(in: line) {
      if report != nil { end() }
      stamp = time
      return
    }
    let monitorLine = Self.endsWithMonitorOutput(line)
    if monitorLine, line.matches("END OF INNODB MONITOR OUTPUT", at: 0) {
      if report != nil { end() }
      return
    }
    if monitorLine {
      if report != nil { end() }
      var builder = InnoDBReportBuilder(line: number, localOffsetSeconds: localOffsetSeconds)
      builder.headerTime = InnoDBReportBuilder.monitorTime(line, localOffsetSeconds: localOffsetSeconds)
      report = builder
      return
    }
    if report == nil {
      // A report whose header was cut off (a pasted excerpt) still counts from its first section.
      guard Self.recognizes(line) || InnoDBReportBuilder.section(line) != nil else { return }
      report = InnoDBReportBuilder(line: number, localOffsetSeconds: localOffsetSeconds)
    }
    report!.add(line, number: number)
  }

  /// Ends the open report: a record when something dates it, else a skipped report and the source's fault.
  private mutating func end() {
    guard var builder = report else { return }
    report = nil
    builder.finish()
    let time: Timestamp
    if let stamp {
      time = stamp
    } else if let header = builder.headerTime {
      time = header
      assumedZone = true
    } else if case .time(let named, let hasZone) = fileNameTime {
      time = named
      if !hasZone { assumedZone = true }
    } else {
      let error = FormatError.untimed(
        path: path, line: builder.line,
        detail:
          "no time for the InnoDB status at line \(builder.line): no TS line, no monitor header and no time in "
          + "the file name")
      if fault == nil { fault = error }
      completed.append(.malformed(reason: error.reason))
      return
    }
    stamp = nil
    completed.append(.database(.innodbStatus(builder.status(at: time))))
  }
}
