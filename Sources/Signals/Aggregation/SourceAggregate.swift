import Formats
import Ingest

/// Everything aggregated from a set of sources; built per source in parallel, then merged in path order.
struct SourceAggregate: Sendable {
  /// Keyed by service and access-log format: a proxy and nginx count the same requests, so they stay apart.
  var requests: [RequestKey: RequestAggregate] = [:]
  var breakdowns: [RequestKey: RequestBreakdown] = [:]
  var logs: [String: LogAggregate] = [:]
  var metrics: MetricAggregate
  var processlist: ProcesslistAggregate
  var database: DatabaseAggregate
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
    database = DatabaseAggregate(stepMilliseconds: stepMilliseconds)
  }

  /// What one stream added up to, named by its path and format: a service's logs or access logs (the
  /// service from `naming`), metric series (from the reader's table), processlist snapshots.
  init(_ stream: StreamAccumulator, reader: SourceReader, naming: ServiceNaming) {
    self.init(stepMilliseconds: stream.stepMilliseconds)
    let path = reader.source.path
    firstMilliseconds = stream.firstMilliseconds
    lastMilliseconds = stream.lastMilliseconds
    for (id, var local) in stream.samples where id < reader.series.count {
      local.paths = [path]
      metrics.merge(local, as: reader.series[id])
    }
    for (id, sums) in stream.rollups where id < reader.series.count {
      let lead = reader.series[id]
      guard let rollup = lead.rollup, let identity = lead.rolledUp else { continue }
      metrics.merge(
        MetricAggregate.Rollup(sums: sums, members: rollup.members, leads: [lead], paths: [path]), as: identity)
    }
    processlist = stream.processlist
    if processlist.snapshotCount > 0 {
      paths[ProcesslistAggregate.component, default: []].insert(path)
    }
    database = stream.database
    if !database.isEmpty { paths[DatabaseAggregate.pathsKey, default: []].insert(path) }
    let service = naming.service(of: reader.source)
    // A rule for the file outranks the names its records give.
    let override = naming.override(for: reader.source)
    if stream.sawRequests, let format = reader.stats.format {
      let key = RequestKey(service: service, format: format)
      requests[key] = stream.requests
      breakdowns[key] = stream.breakdown
      paths[key.pathsKey, default: []].insert(path)
    }
    if stream.sawLogs {
      logs[service] = stream.logs
      paths[service, default: []].insert(path)
    }
    for (name, aggregate) in zip(stream.namedLogs.names, stream.namedLogs.aggregates) {
      let name = override ?? name
      if logs[name] == nil { logs[name] = aggregate } else { logs[name]!.merge(aggregate) }
      paths[name, default: []].insert(path)
    }
  }

  /// The services this source's logs and access logs were put under.
  var services: Set<String> {
    Set(logs.keys).union(requests.keys.map(\.service))
  }

  mutating func merge(_ other: SourceAggregate) {
    for (key, theirs) in other.requests {
      if requests[key] == nil { requests[key] = theirs } else { requests[key]!.merge(theirs) }
    }
    for (key, theirs) in other.breakdowns {
      if breakdowns[key] == nil { breakdowns[key] = theirs } else { breakdowns[key]!.merge(theirs) }
    }
    for (service, theirs) in other.logs {
      if logs[service] == nil { logs[service] = theirs } else { logs[service]!.merge(theirs) }
    }
    metrics.merge(other.metrics)
    processlist.merge(other.processlist)
    database.merge(other.database)
    for (key, set) in other.paths { paths[key, default: []].formUnion(set) }
    firstMilliseconds = min(firstMilliseconds, other.firstMilliseconds)
    lastMilliseconds = max(lastMilliseconds, other.lastMilliseconds)
  }
}
