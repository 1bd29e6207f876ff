import Foundation
import Ingest
import Testing

@testable import Formats

/// lnav's 61 built-in formats, each through its sample lines (`../shared/fixtures/lnav-samples`, with the time
/// and level lnav reads from each): every sample file is read as records of the Postmortem format that stands
/// for the lnav one, no line skipped, every record at lnav's time and, where lnav gives one, its level.
@Suite("lnav's format samples", .enabled(if: LnavSamples.manifest != nil))
struct LnavSampleTests {
  /// The Postmortem format that reads each lnav format.
  static let expected: [String: Format] = [
    "access_log": .nginxAccess, "alb_log": .awsAccess, "block_log": .textLog, "candlepin_log": .textLog,
    "choose_repo_log": .textLog, "cloudvm_ram_log": .textLog, "cups_log": .apacheError, "dpkg_log": .textLog,
    "elb_log": .awsAccess, "engine_log": .textLog, "env_logger_log": .textLog, "error_log": .apacheError,
    "esx_syslog_log": .syslog, "fsck_hfs_log": .textLog, "glog_log": .glog, "haproxy_log": .haproxy,
    "idea_log": .textLog, "java_log": .textLog, "katello_log": .textLog, "laravel_log": .monolog,
    "lnav_debug_log": .textLog, "logcat_log": .textLog, "mysql_error_log": .mysqlErrorLog,
    "mysql_gen_log": .textLog, "mysql_slow_log": .textLog, "nextflow_log": .textLog, "openam_log": .textLog,
    "openamdb_log": .textLog, "openstack_log": .textLog, "otel_collector_log": .jsonLines,
    "otlp_python_log": .textLog, "page_log": .textLog, "postgres_log": .postgresql, "procstate_log": .textLog,
    "proxifier_log": .textLog, "rails_log": .textLog, "redis_log": .redis, "robot_fwk_log": .textLog,
    "rust_tracing_log": .jsonLines, "s3_log": .s3Access, "simple_rs_log": .textLog, "snaplogic_log": .textLog,
    "spdlog_log": .textLog, "sssd_log": .textLog, "syslog_log": .syslog, "unifi_iptables_log": .syslog,
    "unifi_log": .syslog, "uwsgi_log": .uwsgi, "vdsm_log": .textLog, "vmk_log": .syslog, "vmw_log": .textLog,
    "vmw_py_log": .textLog, "vmw_vc_svc_log": .textLog, "vpostgres_log": .postgresql, "xmlrpc_log": .textLog,
    "zap_console_log": .textLog, "zellijFmt": .textLog, "zookeeper_log": .textLog,
  ]

  /// The formats Postmortem does not read, and why.
  static let exceptions: [String: String] = [
    "tcf_log":
      "TCF's lines carry only minutes and seconds (`TCF 29:47.191:`), no date or hour: no instant to place",
    "strace_log":
      "`strace -t` lines carry a time of day and no date; only `-ttt` epoch lines could be placed",
    "tcsh_history": "a shell history, not a log: `#+1375138067` stamps the command on the next line",
  ]

  @Test("every lnav format is either read by a Postmortem format or an exception with a reason")
  func coverage() throws {
    let formats = try #require(LnavSamples.manifest).keys
    #expect(formats.count == 61)
    for name in formats {
      #expect((Self.expected[name] != nil) != (Self.exceptions[name] != nil), "\(name)")
    }
  }

  @Test(
    "each sample is read as its format's records at lnav's times and levels",
    arguments: LnavSamples.names.filter { exceptions[$0] == nil })
  func sample(name: String) throws {
    let failures = try LnavSamples.check(name, as: Self.expected[name])
    #expect(failures.isEmpty, "\(name): \(failures.joined(separator: "; "))")
  }

  @Test("at least 58 of the 61 formats read, and the share of sample lines read")
  func figure() throws {
    var passed = 0
    var lines = 0
    var read = 0
    for name in LnavSamples.names {
      if let format = Self.expected[name], try LnavSamples.check(name, as: format).isEmpty { passed += 1 }
      let stats = try LnavSamples.stats(name)
      lines += stats.lines
      read += stats.records + stats.continued
    }
    print("lnav samples: \(passed) of \(LnavSamples.names.count) formats; \(read) of \(lines) lines read")
    #expect(passed >= 58)
  }
}

enum LnavSamples {
  static let directory: String? = RealLogFixtures.directory.map { $0 + "/lnav-samples" }

  struct Entry: Decodable, Sendable {
    struct Expectation: Decodable, Sendable {
      var line: Int
      /// The time lnav reads, UTC to the second, without the year when the line has none.
      var key: String?
      var level: String?
    }
    var sampleFile: String
    var expect: [Expectation]

    private enum CodingKeys: String, CodingKey {
      case sampleFile = "sample_file"
      case expect
    }
  }

  private struct Manifest: Decodable {
    var formats: [String: Entry]
  }

  /// The manifest's `formats`.
  static let manifest: [String: Entry]? = {
    guard let directory, let data = FileManager.default.contents(atPath: directory + "/manifest.json") else {
      return nil
    }
    return try? JSONDecoder().decode(Manifest.self, from: data).formats
  }()

  static let names: [String] = manifest.map { $0.keys.sorted() } ?? []

  /// What reading the sample gave: each record's line, UTC time and level (a request's from its status).
  struct Reading {
    var stats: SourceStats
    var records: [Int: (time: Timestamp, level: LogLevel)] = [:]
  }

  static func read(_ name: String) throws -> Reading {
    let file = try #require(manifest?[name]).sampleFile
    var reader = SourceReader(source: Source(path: try #require(directory) + "/" + file))
    var records: [Int: (time: Timestamp, level: LogLevel)] = [:]
    do {
      try reader.read { record, context in
        switch record {
        case .log(let event): records[context.lineNumber] = (event.time, event.level)
        case .request(let request):
          records[context.lineNumber] = (request.time, request.status >= 400 ? .error : .info)
        default: break
        }
      }
    } catch FormatError.unrecognized {
      // No format: `stats` says so, every line skipped.
    }
    return Reading(stats: reader.stats, records: records)
  }

  static func stats(_ name: String) throws -> SourceStats { try read(name).stats }

  /// What differs from lnav's reading of the sample; empty when it is read as `format` reads it.
  static func check(_ name: String, as format: Format?) throws -> [String] {
    let reading = try read(name)
    let stats = reading.stats
    var failures: [String] = []
    if stats.format != format { failures.append("read as \(stats.format?.rawValue ?? "nothing")") }
    if stats.skipped > 0 {
      failures.append("\(stats.skipped) skipped: \(stats.skippedExamples.map(\.reason))")
    }
    if !stats.borrowed.isEmpty { failures.append("lines read by \(stats.borrowed)") }
    if stats.lines != stats.records + stats.continued + stats.skipped + stats.structural {
      failures.append("lines \(stats.lines) ≠ records + continued + skipped")
    }
    for entry in try #require(manifest?[name]).expect {
      let line = entry.line
      guard let key = entry.key else { continue }
      guard let record = reading.records[line] else {
        failures.append("line \(line): no record")
        continue
      }
      let written = record.time.rfc3339
      let seconds = String(written.prefix(19))
      if !seconds.hasSuffix(key) { failures.append("line \(line): \(written), lnav \(key)") }
      if let level = entry.level.flatMap(lnavLevel), level != record.level {
        failures.append("line \(line): \(record.level), lnav \(level)")
      }
    }
    return failures
  }

  /// lnav's level names as Postmortem's.
  static func lnavLevel(_ name: String) -> LogLevel? {
    switch name {
    case "trace": .trace
    case "debug", "debug2", "debug3", "debug4", "debug5": .debug
    case "info", "stats", "notice": .info
    case "warning": .warn
    case "error": .error
    case "critical", "fatal": .fatal
    default: nil
    }
  }
}
