import Formats
import Ingest

/// What the records of one stream, or of a run of its chunks, add up to before the stream is named a service's
/// logs, access logs, metrics or processlist.
struct StreamAccumulator {
  let path: String
  let stepMilliseconds: Int64
  let window: ClosedRange<Int64>?
  var requests: RequestAggregate
  /// The same requests by route, upstream, client and user agent.
  var breakdown: RequestBreakdown
  /// Logs of the service the path names, and of the services records name themselves.
  var logs: LogAggregate
  var namedLogs: NamedLogs
  var processlist: ProcesslistAggregate
  var database: DatabaseAggregate
  /// The reader names a series only at the end of the source, so samples are bucketed by its local id first.
  var samples: [Int: MetricAggregate.Series] = [:]
  /// Rolled-up series by local id, and what each member (numbered by the reader) last reported.
  var rollups: [Int: RolledUpSeries] = [:]
  var members: [RolledUpSeries.Member] = []
  var sawRequests = false
  var sawLogs = false
  /// Records dropped because they fell outside `--from`/`--to`.
  var outsideWindow = 0
  /// Records dropped because they lie more than `maximumSpanMilliseconds` from the others of the stream.
  var strays = 0
  var firstMilliseconds = Int64.max
  var lastMilliseconds = Int64.min
  /// Records whose time is in `firstMilliseconds...lastMilliseconds`.
  private var placed = 0
  /// The latest strays that share a span: once they are as many as the records placed, while those are few,
  /// the records placed were the strays (the first lines of a file whose clock was not yet set at boot).
  private var rival = Rival()

  /// The widest span of one stream's records. Buckets are dense from the first record to the last, so one
  /// time decades off (a clock reset to 1970, a damaged digit) would otherwise ask for millions of them.
  static let maximumSpanMilliseconds: Int64 = 31 * 86_400_000
  /// Records placed beyond this many are kept whatever follows them.
  static let strayRestartLimit = 64

  private struct Rival {
    var first = Int64.max
    var last = Int64.min
    var count = 0

    mutating func add(_ time: Int64) {
      if max(last, time) - min(first, time) > StreamAccumulator.maximumSpanMilliseconds { self = Rival() }
      first = min(first, time)
      last = max(last, time)
      count += 1
    }
  }

  init(path: String, stepMilliseconds: Int64, window: ClosedRange<Int64>?) {
    self.path = path
    self.stepMilliseconds = stepMilliseconds
    self.window = window
    requests = RequestAggregate(stepMilliseconds: stepMilliseconds)
    breakdown = RequestBreakdown(stepMilliseconds: stepMilliseconds)
    logs = LogAggregate(stepMilliseconds: stepMilliseconds)
    namedLogs = NamedLogs(stepMilliseconds: stepMilliseconds)
    processlist = ProcesslistAggregate(stepMilliseconds: stepMilliseconds)
    database = DatabaseAggregate(stepMilliseconds: stepMilliseconds)
  }

  mutating func add(_ record: Record, _ context: RecordContext) {
    let time: Int64
    switch record {
    case .log(let event): time = event.time.milliseconds
    case .request(let request): time = request.time.milliseconds
    case .sample(let sample): time = sample.time.milliseconds
    case .snapshot(let snapshot): time = snapshot.time.milliseconds
    case .database(let record): time = record.time.milliseconds
    case .continuation, .structure, .malformed: return
    }
    if let window, !window.contains(time) {
      outsideWindow += 1
      return
    }
    if placed > 0, max(lastMilliseconds, time) - min(firstMilliseconds, time) > Self.maximumSpanMilliseconds {
      rival.add(time)
      guard placed < Self.strayRestartLimit, rival.count >= placed else {
        strays += 1
        return
      }
      self = StreamAccumulator(replacing: self)
    }
    placed += 1
    firstMilliseconds = min(firstMilliseconds, time)
    lastMilliseconds = max(lastMilliseconds, time)
    switch record {
    case .log(let event):
      if let name = event.service, !name.isEmpty {
        let slot = namedLogs.slot(for: UnsafeRawBufferPointer(rebasing: context.line[name]))
        if let template = namedLogs.add(event, line: context.line, in: slot) {
          namedLogs.addExample(example(context, time), to: template, in: slot)
        }
        if namedLogs.wantsTypedExample(in: slot) { namedLogs.addTypedExample(example(context, time), in: slot) }
        return
      }
      sawLogs = true
      if let template = logs.add(event, line: context.line) {
        logs.addExample(example(context, time), to: template)
      }
      if logs.wantsTypedExample { logs.addTypedExample(example(context, time)) }
    case .request(let request):
      guard request.status > 0 else { return }  // a TCP connection, not a request
      sawRequests = true
      if requests.add(request) { requests.cite(example(context, time)) }
      breakdown.add(request, line: context.line)
    case .sample(let sample):
      if sample.leads {
        samples[sample.series, default: MetricAggregate.Series(stepMilliseconds: stepMilliseconds)].add(sample)
      }
      if sample.member >= 0 { addToRollup(sample) }
    case .snapshot(let snapshot):
      processlist.add(snapshot, path: path)
    case .database(let record):
      database.add(record, path: path)
    case .continuation, .structure, .malformed:
      break
    }
  }

  private mutating func addToRollup(_ sample: MetricSample) {
    let member = Int(sample.member)
    if member >= members.count {
      members.append(contentsOf: repeatElement(RolledUpSeries.Member(), count: member + 1 - members.count))
    }
    rollups[sample.series, default: RolledUpSeries(stepMilliseconds: stepMilliseconds)].add(
      sample, member: &members[member])
  }

  /// An empty accumulator that counts the records `dropped` placed as strays; the rivals before this record
  /// were counted as they came.
  private init(replacing dropped: StreamAccumulator) {
    self.init(path: dropped.path, stepMilliseconds: dropped.stepMilliseconds, window: dropped.window)
    outsideWindow = dropped.outsideWindow
    strays = dropped.strays + dropped.placed
  }

  /// Adds what an accumulator of the records right after these holds; of two runs too far apart to share a
  /// span, the one with fewer records is dropped as strays.
  mutating func absorb(_ later: StreamAccumulator) {
    if placed > 0, later.placed > 0,
      max(lastMilliseconds, later.lastMilliseconds) - min(firstMilliseconds, later.firstMilliseconds)
        > Self.maximumSpanMilliseconds
    {
      var kept = later.placed > placed ? later : self
      kept.outsideWindow = outsideWindow + later.outsideWindow
      kept.strays = strays + later.strays + min(placed, later.placed)
      self = kept
      return
    }
    requests.merge(later.requests)
    breakdown.merge(later.breakdown)
    logs.merge(later.logs)
    namedLogs.merge(later.namedLogs)
    processlist.merge(later.processlist)
    database.merge(later.database)
    for (id, series) in later.samples {
      if samples[id] == nil { samples[id] = series } else { samples[id]!.merge(series) }
    }
    // Rolled-up sources are read in order, never in parallel chunks: their members' state is the reader's.
    for (id, sums) in later.rollups {
      if rollups[id] == nil { rollups[id] = sums } else { rollups[id]!.merge(sums) }
    }
    sawRequests = sawRequests || later.sawRequests
    sawLogs = sawLogs || later.sawLogs
    outsideWindow += later.outsideWindow
    strays += later.strays
    placed += later.placed
    firstMilliseconds = min(firstMilliseconds, later.firstMilliseconds)
    lastMilliseconds = max(lastMilliseconds, later.lastMilliseconds)
  }

  private func example(_ context: RecordContext, _ time: Int64) -> ExampleLine {
    ExampleLine(path: path, line: context.lineNumber, milliseconds: time, text: Self.text(context.line))
  }

  /// An input line for a citation: invalid UTF-8 repaired, long lines cut.
  static func text(_ line: UnsafeRawBufferPointer) -> String {
    let limit = 300
    let text = String(decoding: UnsafeRawBufferPointer(rebasing: line.prefix(limit)), as: UTF8.self)
    return line.count > limit ? text + "…" : text
  }
}
