import Formats
import Ingest

/// Everything aggregated from a set of sources; built per source in parallel, then merged in path order.
struct SourceAggregate: Sendable {
  /// Keyed by service and access-log format: a proxy and nginx count the same requests, so they stay apart.
  var requests: [RequestKey: RequestAggregate] = [:]
  var logs: [String: LogAggregate] = [:]
  var metrics: MetricAggregate
  var processlist: ProcesslistAggregate
  /// Paths that fed each service's logs, each service's access logs (`RequestKey.pathsKey`) and the
  /// processlist, for the signals' `sources`.
  var paths: [String: Set<String>] = [:]
  var firstMilliseconds = Int64.max
  var lastMilliseconds = Int64.min

  struct RequestKey: Hashable, Sendable {
    var service: String
    var format: Format

    /// Where `paths` keeps this service's access logs, apart from its application logs.
    var pathsKey: String { "\(service) \(format.rawValue)" }
  }

  let stepMilliseconds: Int64

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    metrics = MetricAggregate()
    processlist = ProcesslistAggregate(stepMilliseconds: stepMilliseconds)
  }

  /// Reads one source whole; returns what happened to it for the data-quality section.
  static func read(
    _ source: Source, stepMilliseconds: Int64, options: ReadOptions, window: ClosedRange<Int64>?
  ) -> (SourceAggregate, SourceOutcome) {
    var aggregate = SourceAggregate(stepMilliseconds: stepMilliseconds)
    var reader = SourceReader(source: source, options: options)
    let service = ServiceName.infer(fromPath: source.path) ?? "unknown"
    var requests = RequestAggregate(stepMilliseconds: stepMilliseconds)
    var logs = LogAggregate(stepMilliseconds: stepMilliseconds)
    var sawRequests = false
    var sawLogs = false
    var outsideWindow = 0
    var failure: String?
    // The reader names a series only at the end of the source, so samples are bucketed by its local id first.
    var samples: [Int: MetricAggregate.Series] = [:]
    do {
      try reader.read { record, context in
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
        aggregate.firstMilliseconds = min(aggregate.firstMilliseconds, time)
        aggregate.lastMilliseconds = max(aggregate.lastMilliseconds, time)
        switch record {
        case .log(let event):
          sawLogs = true
          logs.add(event, line: context.line) {
            ExampleLine(
              path: source.path, line: context.lineNumber, milliseconds: time, text: Self.text(context.line))
          }
        case .request(let request):
          guard request.status > 0 else { return }  // a TCP connection, not a request
          sawRequests = true
          requests.add(request) {
            ExampleLine(
              path: source.path, line: context.lineNumber, milliseconds: time, text: Self.text(context.line))
          }
        case .sample(let sample):
          samples[sample.series, default: MetricAggregate.Series(stepMilliseconds: stepMilliseconds)].add(
            sample)
        case .snapshot(let snapshot):
          aggregate.processlist.add(snapshot, path: source.path)
        case .continuation, .structure, .malformed:
          break
        }
      }
    } catch {
      failure = String(describing: error)
    }
    let format = reader.stats.format
    for (id, var local) in samples where id < reader.series.count {
      local.paths = [source.path]
      aggregate.metrics.merge(local, as: reader.series[id])
    }
    if aggregate.processlist.snapshotCount > 0 {
      aggregate.paths[ProcesslistAggregate.component, default: []].insert(source.path)
    }
    if sawRequests, let format {
      let key = RequestKey(service: service, format: format)
      aggregate.requests[key] = requests
      aggregate.paths[key.pathsKey, default: []].insert(source.path)
    }
    if sawLogs {
      aggregate.logs[service] = logs
      aggregate.paths[service, default: []].insert(source.path)
    }
    var stats = reader.stats
    if failure != nil && stats.format == nil {
      stats.skipped = stats.lines  // a file in no known format is skipped whole
    }
    let outcome = SourceOutcome(
      path: source.path, service: (sawLogs || sawRequests) ? service : nil, stats: stats,
      recordsOutsideWindow: outsideWindow, error: failure)
    return (aggregate, outcome)
  }

  mutating func merge(_ other: SourceAggregate) {
    for (key, theirs) in other.requests {
      if requests[key] == nil { requests[key] = theirs } else { requests[key]!.merge(theirs) }
    }
    for (service, theirs) in other.logs {
      if logs[service] == nil { logs[service] = theirs } else { logs[service]!.merge(theirs) }
    }
    metrics.merge(other.metrics)
    processlist.merge(other.processlist)
    for (key, set) in other.paths { paths[key, default: []].formUnion(set) }
    firstMilliseconds = min(firstMilliseconds, other.firstMilliseconds)
    lastMilliseconds = max(lastMilliseconds, other.lastMilliseconds)
  }

  /// An input line for a citation: invalid UTF-8 repaired, long lines cut.
  static func text(_ line: UnsafeRawBufferPointer) -> String {
    let limit = 300
    let text = String(decoding: UnsafeRawBufferPointer(rebasing: line.prefix(limit)), as: UTF8.self)
    return line.count > limit ? text + "…" : text
  }
}

/// What happened to one source, for the data-quality section.
public struct SourceOutcome: Sendable, Equatable {
  public var path: String
  /// The service the source was attributed to (logs and access logs only).
  public var service: String?
  public var stats: SourceStats
  /// Records dropped because they fell outside `--from`/`--to`.
  public var recordsOutsideWindow: Int
  /// Why the source could not be read whole, naming the file and line or byte offset.
  public var error: String?
}
