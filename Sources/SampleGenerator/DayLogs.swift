import Foundation
public import Ingest

/// One day of a small shop's logs, for nightly runs: two services (`orders`, `billing`) behind a mesh, their
/// traffic shaped by the hour of day, an export job that logs at 02:00, and on demand an incident or a new
/// kind of error. Deliberately small (about 40 k lines a day) so a week of nights runs in a test.
public struct DayLogs: Sendable {
  /// Midnight UTC of the day, epoch seconds.
  public let start: Int64
  /// billing slows down and fails from 14:00 to 15:00, logging payment-gateway timeouts.
  public var incident = false
  /// orders logs a kind of error never seen before, from 09:00 to 10:00 (quoting a customer's e-mail).
  public var newError = false
  /// The export job runs at 02:00 and logs its result.
  public var exportJobRuns = true
  /// Requests per second per service at the busiest hour.
  public var peakRate = 0.3
  public let seed: UInt64

  public init(start: Int64, seed: UInt64) {
    self.start = start
    self.seed = seed
  }

  /// The `index`-th day (0-based) after 2026-11-02, a Monday.
  public static func day(_ index: Int) -> DayLogs {
    DayLogs(
      start: CivilTime.epochSeconds(year: 2026, month: 11, day: 2, hour: 0, minute: 0) + Int64(index)
        * 86_400,
      seed: 1000 + UInt64(index))
  }

  private static let services: [(name: String, median: Double, pod: Int)] = [
    ("orders", 0.04, 1), ("billing", 0.08, 2),
  ]

  /// Writes `istio/<service>-istio-proxy.log.gz` and `logs/<service>/<service>.log.gz` under `directory`.
  public func write(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory + "/istio", withIntermediateDirectories: true)
    var random = SplitMix64(seed: seed)
    for (name, median, pod) in Self.services {
      try FileManager.default.createDirectory(
        atPath: directory + "/logs/" + name, withIntermediateDirectories: true)
      var access = TimedWriter(
        writer: try CompressedFileWriter(
          path: "\(directory)/istio/\(name)-istio-proxy.log.gz", compression: .gzip))
      var app = TimedWriter(
        writer: try CompressedFileWriter(path: "\(directory)/logs/\(name)/\(name).log.gz", compression: .gzip)
      )
      for second in 0..<86_400 {
        let now = (start + Int64(second)) * 1000
        if second % 600 == 0 {
          try access.flush(before: now)
          try app.flush(before: now)
        }
        let hour = second / 3600
        let failing = incident && name == "billing" && hour == 14
        for _ in 0..<random.poisson(peakRate * Self.shape(hour)) {
          let begin = now + Int64(random.int(0...999))
          let seconds = random.logNormal(median: failing ? median * 25 : median, sigma: 0.5)
          let fails = failing && random.chance(0.4)
          access.add(
            begin,
            LogLines.istio(
              start: begin, method: "GET",
              path: name == "orders" ? "/orders/\(random.int(1000...9999))" : "/invoices",
              status: fails ? 500 : 200, bytes: 120 + random.int(0...400), milliseconds: Int(seconds * 1000),
              service: name, port: 8080, pod: pod, peer: 3, peerPort: 30_000 + random.int(0...999)))
          if fails {
            app.add(
              begin + Int64(seconds * 1000),
              LogLines.spring(
                begin + Int64(seconds * 1000), level: "ERROR",
                thread: "http-nio-8080-exec-\(random.int(1...9))",
                logger: "c.shop.billing.GatewayClient",
                "Timeout calling payment gateway after \(Int(seconds * 1000)) ms"))
          }
        }
        if second % 60 == 30 {
          app.add(
            now,
            LogLines.spring(
              now, level: "INFO", thread: "scheduling-1", logger: "c.shop.\(name).Metrics",
              "Processed \(random.int(10...99)) requests in the last minute"))
        }
        if second == 2 * 3600 + 5, name == "orders", exportJobRuns {
          app.add(
            now,
            LogLines.spring(
              now, level: "INFO", thread: "export-1", logger: "c.shop.orders.Export",
              "Nightly export finished: \(random.int(10_000...99_999)) rows written to warehouse"))
        }
        if newError, name == "orders", hour == 9, second % 120 == 7 {
          app.add(
            now,
            LogLines.spring(
              now, level: "ERROR", thread: "mail-1", logger: "c.shop.orders.Receipts",
              "Failed to send receipt to jane.doe@example.com: SMTP relay refused with 554"))
        }
      }
      try access.close()
      try app.close()
    }
  }

  /// Traffic by hour of day: quiet at night, busiest in the afternoon, the same every day.
  static func shape(_ hour: Int) -> Double {
    let profile: [Double] = [
      0.3, 0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.5, 0.7, 0.85, 0.9, 0.95, 1, 1, 1, 0.95, 0.9, 0.85, 0.8, 0.7,
      0.6,
      0.5, 0.4, 0.35,
    ]
    return profile[hour]
  }
}
