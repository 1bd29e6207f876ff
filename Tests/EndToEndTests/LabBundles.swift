import Foundation

/// The incidents recorded by `Lab/run` from real software (MariaDB, the exporters, Prometheus, nginx,
/// services on PyMySQL), with the ground truth the lab wrote beside each: which fault, in whom, and when.
enum LabBundles {
  static let names = [
    "lab-connection-leak", "lab-lock-contention", "lab-database-saturation", "lab-database-restart",
    "lab-slow-dependency", "lab-deploy-regression", "lab-traffic-surge", "lab-cpu-starvation",
    "lab-oom-restart",
  ]

  /// `Samples/<name>.truth.json`: DESIGN's rca.json conventions (component = where the fault originates,
  /// client = the DB user or caller that drives it, null when none does).
  struct Truth: Decodable {
    let component: String
    let kind: String
    let client: String?
    let resource: String?
    let onset: String
    let detail: String
    let window: Window
  }

  struct Window: Decodable {
    let from: String
    let to: String
  }

  /// The part of a written `rca.json` the lab checks, read from the file itself so that the contract is what
  /// is tested.
  struct Report: Decodable {
    struct RootCause: Decodable {
      let component: String
      let kind: String
      let client: String?
      let onset: String
      let uncertaintySeconds: Int?
    }
    let rootCause: RootCause
    let resolutionSeconds: Int
  }

  static func truth(_ name: String) throws -> Truth {
    let data = try Data(contentsOf: Bundles.root.appendingPathComponent("Samples/\(name).truth.json"))
    return try JSONDecoder().decode(Truth.self, from: data)
  }

  /// The report the README command writes for the recording (analysed once per test run).
  static func report(_ name: String) throws -> Report {
    let directory = try Bundles.fresh(name).directory
    let data = try Data(contentsOf: directory.appendingPathComponent("rca.json"))
    return try JSONDecoder().decode(Report.self, from: data)
  }

  /// Recordings whose root cause the analyzer does not find yet, with why; each entry goes when the pattern
  /// that finds it lands (the test then reports that the known issue no longer occurs).
  static let knownIssues: [String: String] = [
    "lab-database-saturation":
      "shipping's resource saturation is blamed: the reporting user's long statements (processlist Time, slow "
      + "log) do not yet rise as a per-user query-time signal strong enough for the saturation pattern",
    "lab-traffic-surge":
      "traffic-surge in payments with the partner as client, but dated at the first 10 s bucket whose total "
      + "rate shows it (14 s after the first extra request)",
    "lab-cpu-starvation":
      "lock contention on payments is blamed: a throttled process holding row locks looks like a blocker; "
      + "its CPU flat at the cgroup quota is not read as starvation (no throttling series without cAdvisor)",
    "lab-oom-restart":
      "nothing is blamed (unknown): the OOM kills are in the supervisor's log only and the resident-memory "
      + "sawtooth resets on each restart, so no sustained memory rise is found",
  ]
}
