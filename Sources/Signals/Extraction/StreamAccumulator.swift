import Formats
import Ingest

/// What the records of one stream, or of a run of its chunks, add up to before the stream is named a service's
/// logs, access logs, metrics or processlist.
struct StreamAccumulator {
  let path: String
  let stepMilliseconds: Int64
  let window: ClosedRange<Int64>?
  var requests: RequestAggregate
  var logs: LogAggregate
  var processlist: ProcesslistAggregate
  /// The reader names a series only at the end of the source, so samples are bucketed by its local id first.
  var samples: [Int: MetricAggregate.Series] = [:]
  var sawRequests = false
  var sawLogs = false
  /// Records dropped because they fell outside `--from`/`--to`.
  var outsideWindow = 0
  var firstMilliseconds = Int64.max
  var lastMilliseconds = Int64.min

  init(path: String, stepMilliseconds: Int64, window: ClosedRange<Int64>?) {
    self.path = path
    self.stepMilliseconds = stepMilliseconds
    self.window = window
    requests = RequestAggregate(stepMilliseconds: stepMilliseconds)
    logs = LogAggregate(stepMilliseconds: stepMilliseconds)
    processlist = ProcesslistAggregate(stepMilliseconds: stepMilliseconds)
  }

  mutating func add(_ record: Record, _ context: RecordContext) {
    let time: Int64
    switch record {
    case .log(let event): time = event.time.milliseconds
    case .request(let request): time = request.time.milliseconds
    case .sample(let sample): time = sample.time.milliseconds
    case .snapshot(let snapshot): time = snapshot.time.milliseconds
    case .continuation, .structure, .malformed: return
    }
    if let window, !window.contains(time) {
      outsideWindow += 1
      return
    }
    firstMilliseconds = min(firstMilliseconds, time)
    lastMilliseconds = max(lastMilliseconds, time)
    switch record {
    case .log(let event):
      sawLogs = true
      if let template = logs.add(event, line: context.line) {
        logs.addExample(example(context, time), to: template)
      }
    case .request(let request):
      guard request.status > 0 else { return }  // a TCP connection, not a request
      sawRequests = true
      if requests.add(request) { requests.cite(example(context, time)) }
    case .sample(let sample):
      samples[sample.series, default: MetricAggregate.Series(stepMilliseconds: stepMilliseconds)].add(sample)
    case .snapshot(let snapshot):
      processlist.add(snapshot, path: path)
    case .continuation, .structure, .malformed:
      break
    }
  }

  /// Adds what an accumulator of the records right after these holds.
  mutating func absorb(_ later: StreamAccumulator) {
    requests.merge(later.requests)
    logs.merge(later.logs)
    processlist.merge(later.processlist)
    for (id, series) in later.samples {
      if samples[id] == nil { samples[id] = series } else { samples[id]!.merge(series) }
    }
    sawRequests = sawRequests || later.sawRequests
    sawLogs = sawLogs || later.sawLogs
    outsideWindow += later.outsideWindow
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
