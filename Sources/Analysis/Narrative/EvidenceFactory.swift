import Formats
import Signals

/// Turns signals and findings into citable evidence and readable numbers.
enum EvidenceFactory {
  /// Example lines of `signal` from `milliseconds` on (falling back to the earliest), at most `limit`.
  static func lines(of signal: Signal, from milliseconds: Int64, limit: Int = 3) -> [Evidence] {
    let later = signal.examples.filter { $0.milliseconds >= milliseconds }
    let chosen = (later.isEmpty ? signal.examples : later).prefix(limit)
    return chosen.map {
      Evidence(file: $0.path, line: $0.line, time: UTC.format($0.milliseconds), text: $0.text)
    }
  }

  /// "`signal` went from `before` to `after` at `time`", citing the signal's first source file.
  static func change(_ finding: Finding, of signal: Signal) -> Evidence {
    let text: String
    switch finding.change {
    case .new:
      text =
        "\(signal.name): first seen at \(UTC.clock(finding.milliseconds)), then \(Numbers.text(finding.after)) \(signal.unit)"
    case .plateau:
      text =
        "\(signal.name): reached the limit \(Numbers.text(finding.after)) at \(UTC.clock(finding.milliseconds)) and stayed there"
    case .rise where signal.unit == "ratio", .drop where signal.unit == "ratio":
      text =
        "\(signal.name): \(Numbers.percent(finding.before)) → \(Numbers.percent(finding.after)) from \(UTC.clock(finding.milliseconds))"
    case .rise, .drop:
      text =
        "\(signal.name): \(Numbers.text(finding.before)) → \(Numbers.text(finding.after)) \(signal.unit) from \(UTC.clock(finding.milliseconds))"
    }
    let example = signal.examples.first { $0.milliseconds >= finding.milliseconds }
    return Evidence(
      file: example?.path ?? signal.sources.first, time: UTC.format(finding.milliseconds), text: text)
  }

  /// The connections one user holds in the fullest processlist snapshot, with the ids a `KILL` would name.
  static func offenders(_ processlist: ProcesslistEvidence, user: String?) -> [Evidence] {
    let users = processlist.users.filter { user == nil || $0.user == user }.prefix(3)
    return users.map { entry in
      let ids = entry.idlestIds.map(String.init).joined(separator: ", ")
      let hosts = entry.hosts.prefix(4).joined(separator: ", ") + (entry.hosts.count > 4 ? ", …" : "")
      return Evidence(
        file: processlist.path, line: processlist.line, time: UTC.format(processlist.milliseconds),
        text:
          "processlist: user \(entry.user) holds \(entry.connections) of \(processlist.total) connections "
          + "(\(entry.sleeping) Sleep, oldest idle \(Numbers.text(Double(entry.oldestIdleSeconds))) s) from \(hosts)"
          + (ids.isEmpty ? "" : "; longest idle ids \(ids)"))
    }
  }

  /// The smallest headroom to `max_connections` and when it was first reached.
  static func lowest(_ headroom: Signal) -> Evidence? {
    guard
      let index = headroom.values.indices.filter({ !headroom.values[$0].isNaN }).min(by: {
        (headroom.values[$0], $0) < (headroom.values[$1], $1)
      })
    else { return nil }
    let value = headroom.values[index]
    let time = headroom.milliseconds(at: index)
    // MySQL admits one connection beyond the limit for an account with SUPER (CONNECTION_ADMIN).
    let over =
      value < 0
      ? ": \(Numbers.text(-value)) more than max_connections, which MySQL allows only an administrator" : ""
    return Evidence(
      file: headroom.sources.first, time: UTC.format(time),
      text: "\(headroom.name): lowest \(Numbers.text(value)) connections at \(UTC.clock(time))\(over)")
  }

  /// Statements running at least this long are worth citing: MySQL's own default `long_query_time`.
  static let longQuerySeconds = 10

  /// The longest-running statements seen, with the ids a `KILL` would name.
  static func longRunning(_ queries: [LongRunningQuery], limit: Int = 3) -> [Evidence] {
    queries.filter { $0.seconds >= longQuerySeconds }.prefix(limit).map { query in
      let state = query.state.map { ", \($0)" } ?? ""
      let statement = query.info.map { ": \($0)" } ?? ""
      return Evidence(
        file: query.path, line: query.line, time: UTC.format(query.milliseconds),
        text:
          "long-running statement: id \(query.id), user \(query.user) from \(query.host), "
          + "\(query.command)\(state) for \(query.seconds) s\(statement)")
    }
  }
}
