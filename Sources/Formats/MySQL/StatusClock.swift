/// When each status dump was taken: the output itself carries no time.
///
/// A `TS <epoch> …` line right before a dump (pt-stalk's stamp, copied by capture loops) gives its time. Else
/// the server's `Uptime` does: a dump taken `Uptime` − `Uptime₀` seconds after an earlier placed one
/// (`mysqladmin ext -i N` repeats its table every N seconds plus the time the query took, which this counts
/// and `k × N` would not). The first dump of a file without a `TS` line takes the pt-stalk capture time of
/// the file name (`2026_11_27_03_00_00-mysqladmin`), read with the user's `--tz`. Nothing else is assumed.
struct StatusClock {
  private let fileNameTime: Timestamp?
  /// The latest dump placed that had an `Uptime`, and whether its time rests on an assumed zone.
  private var anchor: (time: Timestamp, uptime: Double, assumedZone: Bool)?
  private var placedAny = false

  init(path: String, utcOffsetSeconds: LocalZone) {
    fileNameTime = SnapshotClock.fileNameTime(path: path, utcOffsetSeconds: utcOffsetSeconds)
  }

  enum Placement {
    case time(Timestamp, assumedZone: Bool)
    /// Why nothing tells the dump's time; `isFirst` when no dump of the source was placed before it.
    case unknown(reason: String, isFirst: Bool)
  }

  /// The time of a dump with this stamp and uptime (`Uptime` as an absolute value, seconds).
  mutating func place(stamp: Timestamp?, uptime: Double?) -> Placement {
    let placement = placement(stamp: stamp, uptime: uptime)
    if case .time(let time, let assumedZone) = placement {
      placedAny = true
      if let uptime, stamp != nil || anchor == nil { anchor = (time, uptime, assumedZone) }
    }
    return placement
  }

  private func placement(stamp: Timestamp?, uptime: Double?) -> Placement {
    if let stamp { return .time(stamp, assumedZone: false) }
    if let anchor, let uptime, uptime >= anchor.uptime {
      let elapsed = Int64(((uptime - anchor.uptime) * 1000).rounded())
      return .time(
        Timestamp(milliseconds: anchor.time.milliseconds + elapsed), assumedZone: anchor.assumedZone)
    }
    if !placedAny, let fileNameTime { return .time(fileNameTime, assumedZone: true) }
    guard placedAny else {
      return .unknown(
        reason: "no TS line before it and no pt-stalk capture time (YYYY_MM_DD_HH_MM_SS-…) in the file name",
        isFirst: true)
    }
    guard let uptime else {
      return .unknown(
        reason: "no TS line before it and no Uptime row to count from an earlier one", isFirst: false)
    }
    guard let anchor else {
      return .unknown(
        reason: "no TS line before it, and no earlier dump placed in time had an Uptime row to count from",
        isFirst: false)
    }
    return .unknown(
      reason:
        "no TS line before it, and its Uptime \(Int64(uptime)) is below the \(Int64(anchor.uptime)) of an "
        + "earlier dump: the server restarted in between",
      isFirst: false)
  }
}
