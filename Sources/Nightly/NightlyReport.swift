public import Report

/// What a night's run found, as `nightly.json` holds it and `nightly.md` renders it. Deterministic: the same
/// inputs and store give the same report, whenever it runs.
public struct NightlyReport: Sendable, Equatable, Codable {
  /// A template no earlier night in the store has.
  public struct NewTemplate: Sendable, Equatable, Codable {
    public var service: String
    public var id: String
    public var text: String
    /// `error` (warn and above) or `info`; errors are listed first.
    public var severity: String
    public var count: Int
    public var firstSeen: String?
  }

  /// One hour of a signal outside its baseline band.
  public struct BreachHour: Sendable, Equatable, Codable {
    public var hour: String
    public var value: Double
    public var low: Double
    public var high: Double
    public var median: Double
    /// `weekday` when the band comes from the same weekday's hour, `hour of day` otherwise.
    public var basis: String
    public var samples: Int
  }

  public struct BandBreach: Sendable, Equatable, Codable {
    public var signal: String
    public var key: String
    public var unit: String
    public var hours: [BreachHour]
  }

  public struct Incident: Sendable, Equatable, Codable {
    public var component: String
    public var kind: String
    public var resource: String?
    public var onset: String
    public var confidence: Double
    public var summary: String
    /// The RCA draft's folder, relative to the night's report.
    public var report: String
  }

  /// A template or signal that every recent night had and this one lacks.
  public struct Quiet: Sendable, Equatable, Codable {
    /// `template` or `signal`.
    public var what: String
    public var name: String
    public var lastSeen: String
    /// Lines per night (templates) or the mean (signals) on the nights that had it.
    public var usual: Double
    public var unit: String
  }

  public struct Input: Sendable, Equatable, Codable {
    public var files: Int
    public var bytes: Int
    public var records: Int
    public var skipped: Int
    public var errors: [String]
  }

  public var night: String
  public var window: [String: String]
  /// Earlier nights the comparisons rest on; 0 on the store's first night, which only learns.
  public var historyNights: Int
  public var newTemplates: [NewTemplate]
  public var outOfBand: [BandBreach]
  public var incidents: [Incident]
  public var quiet: [Quiet]
  public var input: Input
  public var attention: Bool
  /// Why the night needs attention, one sentence each.
  public var reasons: [String]
  /// 0 quiet, 3 attention, 1 some input skipped (on an otherwise quiet night), 2 no usable input.
  public var exitCode: Int
  public var redaction: RedactionSummary
  /// Nights dropped from the store by `--keep` during this run.
  public var expired: [String]
}
