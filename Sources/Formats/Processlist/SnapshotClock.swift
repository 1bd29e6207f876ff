/// When a processlist snapshot was taken: the table itself carries no time.
///
/// The latest `TS <epoch>[.<fraction>] <date> <time>` line wins (pt-stalk writes one before every snapshot;
/// SRE capture loops copy it with `date +"TS %s.%N %F %T"`); its epoch is UTC, so the local date after it
/// is not needed. Without one, a pt-stalk file name prefix (`2026_11_27_03_00_00-processlist`), which is the
/// capture host's wall clock, is read with the user's `--tz` offset.
struct SnapshotClock {
  /// The time of the latest `TS` line read.
  var latestStamp: Timestamp?
  /// True once a snapshot took its time from the file name, read in an assumed zone.
  private(set) var assumedZone = false
  /// The first snapshot that nothing dated: the source's fault, reported once beside its per-line skips.
  private(set) var untimed: FormatError?
  private let path: String
  private let fileName: FileNameTime.Reading
  /// Snapshots dated from the file name so far: a pt-stalk `-processlist` without `TS` lines holds one per
  /// collection interval, so the k-th is taken k intervals after the name's time.
  private var fromFileName: Int64 = 0
  /// pt-stalk's `--sleep-collect` default, the interval of its processlist loop.
  static let collectionIntervalMilliseconds: Int64 = 1000

  init(path: String, utcOffsetSeconds: LocalZone) {
    self.path = path
    fileName = FileNameTime.read(path: path, utcOffsetSeconds: utcOffsetSeconds)
  }

  /// The time of the snapshot starting at `line`, or the reason to skip it when nothing tells: a guess
  /// (the file's mtime, the time of reading) would put the connections at a moment they never had.
  mutating func time(forSnapshotAt line: Int) -> Result<Timestamp, FormatError> {
    if let latestStamp { return .success(latestStamp) }
    if case .time(let named, let hasZone) = fileName {
      if !hasZone { assumedZone = true }
      defer { fromFileName += 1 }
      return .success(
        Timestamp(milliseconds: named.milliseconds + fromFileName * Self.collectionIntervalMilliseconds))
    }
    var error = FormatError.untimedSnapshot(path: path, line: line)
    if case .ambiguous(let reason) = fileName {
      error = .untimed(
        path: path, line: line,
        detail: "no time for the processlist snapshot at line \(line): the file name's time is ambiguous "
          + "(\(reason)); add TS lines")
    }
    if untimed == nil { untimed = error }
    return .failure(error)
  }

  /// The epoch of `TS 1520256297.002113337 2018-03-05 13:24:57`, rounded to the millisecond.
  static func stamp(in line: UnsafeRawBufferPointer) -> Timestamp? {
    guard ByteLiterals.hasPrefix(line, "TS "), line.count > 3 else { return nil }
    var index = 3
    while index < line.count, line[index] == 0x20 { index += 1 }
    let secondsStart = index
    while index < line.count, DecimalBytes.isDigit(line[index]) { index += 1 }
    // Twelve digits reach the year 33658: more is not an epoch.
    guard index > secondsStart, index - secondsStart <= 12,
      let seconds = DecimalBytes.int64(in: line, secondsStart..<index)
    else { return nil }
    var milliseconds = seconds * 1000
    if index < line.count, line[index] == 0x2E {
      index += 1
      var scale: Int64 = 100
      var fraction: Int64 = 0
      var roundingDigit: UInt8 = 0
      let fractionStart = index
      while index < line.count, DecimalBytes.isDigit(line[index]) {
        let digit = line[index] &- 0x30
        if scale > 0 {
          fraction += Int64(digit) * scale
          scale /= 10
        } else if index - fractionStart == 3 {
          roundingDigit = digit
        }
        index += 1
      }
      milliseconds += fraction + (roundingDigit >= 5 ? 1 : 0)
    }
    guard index == line.count || line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D else {
      return nil
    }
    return Timestamp(milliseconds: milliseconds)
  }

  /// The capture time in the file's name (`FileNameTime`: pt-stalk's `2026_11_27_03_00_00-…`, ISO 8601,
  /// epoch seconds), nil when there is none or it is ambiguous.
  static func fileNameTime(path: String, utcOffsetSeconds: LocalZone) -> Timestamp? {
    guard case .time(let time, _) = FileNameTime.read(path: path, utcOffsetSeconds: utcOffsetSeconds) else {
      return nil
    }
    return time
  }
}
