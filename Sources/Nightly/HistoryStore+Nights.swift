import GRDB

extension HistoryStore {
  /// The `lookback` nights before `night` (newest first) with their templates, signals and, for `keys`,
  /// hourly means.
  func history(before night: String, lookback: Int, keys: Set<String>) throws(NightlyError) -> History {
    try reading { db in
      let nights = try String.fetchAll(
        db, sql: "SELECT night FROM night WHERE night < ? ORDER BY night DESC LIMIT ?",
        arguments: [night, lookback])
      let ever = try Row.fetchAll(
        db, sql: "SELECT DISTINCT service, id FROM template WHERE night < ?", arguments: [night])
      var history = History(
        nights: nights,
        everSeenTemplates: Set(ever.map { History.templateKey(service: $0["service"], id: $0["id"]) }),
        templates: [:], signals: [:], hours: [:])
      guard let oldest = nights.last else { return history }
      let range: StatementArguments = [oldest, night]
      for row in try Row.fetchAll(
        db,
        sql: "SELECT night, service, id, text, severity, count FROM template WHERE night >= ? AND night < ?",
        arguments: range)
      {
        history.templates[row["night"], default: [:]][
          History.templateKey(service: row["service"], id: row["id"])] =
          History.TemplateSeen(text: row["text"], severity: row["severity"], count: row["count"])
      }
      for row in try Row.fetchAll(
        db, sql: "SELECT night, key, name, unit, role, mean FROM signal WHERE night >= ? AND night < ?",
        arguments: range)
      {
        history.signals[row["night"], default: [:]][row["key"]] = History.SignalSeen(
          name: row["name"], unit: row["unit"], role: row["role"], mean: row["mean"])
      }
      let statement = try db.cachedStatement(
        sql:
          "SELECT key, hourOfDay, weekday, mean FROM signalHour WHERE night >= ? AND night < ? ORDER BY key, hourStart"
      )
      let cursor = try Row.fetchCursor(statement, arguments: range)
      while let row = try cursor.next() {
        let key: String = row[0]
        guard keys.contains(key) else { continue }
        history.hours[key, default: []].append(
          History.HourSample(hourOfDay: row[1], weekday: row[2], mean: row[3]))
      }
      return history
    }
  }

  /// Replaces `digest.night` (and only it) with the new rows in one transaction, then drops nights older
  /// than `keepDays` before it. Returns the nights expired.
  @discardableResult
  func replace(
    _ digest: NightDigest, baselines: [Baseline.Row], attention: Bool, exitCode: Int, keepDays: Int?
  ) throws(NightlyError) -> [String] {
    try writing { db in
      try db.execute(sql: "DELETE FROM night WHERE night = ?", arguments: [digest.night])
      let quality = digest.quality
      let hourRows = digest.signals.reduce(0) { $0 + $1.hours.count }
      try db.execute(
        sql: """
          INSERT INTO night VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          digest.night, digest.windowFrom, digest.windowTo, digest.utcOffsetSeconds, digest.resolutionSeconds,
          quality.files, quality.bytes, quality.records, quality.skipped, digest.signals.count, hourRows,
          baselines.count, digest.templates.count, digest.changePoints.count, digest.incident == nil ? 0 : 1,
          digest.inputs.count, attention ? 1 : 0, exitCode,
        ])
      let signal = try db.cachedStatement(sql: "INSERT INTO signal VALUES (?, ?, ?, ?, ?, ?)")
      let hour = try db.cachedStatement(sql: "INSERT INTO signalHour VALUES (?, ?, ?, ?, ?, ?, ?)")
      for summary in digest.signals {
        try signal.execute(arguments: [
          digest.night, summary.key, summary.name, summary.unit, summary.role.rawValue, summary.mean,
        ])
        for mean in summary.hours {
          try hour.execute(arguments: [
            digest.night, summary.key, mean.hourStart, mean.hourOfDay, mean.weekday, mean.mean, mean.buckets,
          ])
        }
      }
      let baseline = try db.cachedStatement(sql: "INSERT INTO baseline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      for row in baselines {
        try baseline.execute(arguments: [
          digest.night, row.key, row.hourOfDay, row.weekday, row.stats.samples, row.stats.median,
          row.stats.mad,
          row.stats.p10, row.stats.p90,
        ])
      }
      let template = try db.cachedStatement(sql: "INSERT INTO template VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      for row in digest.templates {
        try template.execute(arguments: [
          digest.night, row.service, row.id, row.text, row.severity, row.count, row.firstSeen, row.lastSeen,
        ])
      }
      let change = try db.cachedStatement(sql: "INSERT INTO changePoint VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      for (index, entry) in digest.changePoints.enumerated() {
        try change.execute(arguments: [
          digest.night, index, entry.time, entry.component, entry.signal, entry.change.rawValue, entry.before,
          entry.after, entry.unit,
        ])
      }
      if let incident = digest.incident {
        try db.execute(
          sql: "INSERT INTO incident VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)",
          arguments: [
            digest.night, incident.onset, incident.component, incident.kind, incident.resource,
            incident.confidence, incident.summary, incident.rcaJSON,
          ])
      }
      let input = try db.cachedStatement(sql: "INSERT INTO input VALUES (?, ?, ?, ?)")
      for file in digest.inputs {
        try input.execute(arguments: [digest.night, file.path, file.bytes, file.hash])
      }
      guard let keepDays, let today = CivilDay.days(digest.night) else { return [] }
      let cutoff = CivilDay.format(today - Int64(keepDays) + 1)
      let expired = try String.fetchAll(
        db, sql: "SELECT night FROM night WHERE night < ? ORDER BY night", arguments: [cutoff])
      try db.execute(sql: "DELETE FROM night WHERE night < ?", arguments: [cutoff])
      return expired
    }
  }
}
