import Foundation
import Nightly
import Testing
import Yams

/// The scheduler examples in `Deploy/`, which the README quotes: they must be valid for the tools that read
/// them, and run the nightly command the way the README says.
@Suite("Scheduler examples")
struct DeployTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static func text(_ relative: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }

  @Test(
    "the README quotes every example file as it is",
    arguments: [
      "Deploy/nightly.yaml", "Deploy/systemd/postmortem-nightly.service",
      "Deploy/systemd/postmortem-nightly.timer",
      "Deploy/kubernetes/postmortem-nightly-cronjob.yaml",
    ])
  func quoted(file: String) throws {
    #expect(try Self.text("README.md").contains(Self.text(file)), "\(file) is not quoted whole in README.md")
  }

  @Test("the example configuration loads and names the store and its inputs")
  func configuration() throws {
    let config = try NightlyConfig.load(Self.root.appendingPathComponent("Deploy/nightly.yaml").path)
    #expect(config.store == "/var/lib/postmortem" && config.paths.count == 2)
    #expect(config.since == "24h" && config.keep == "90d" && config.problem == nil)
  }

  @Test("the systemd service and timer: what any reader needs, and systemd-analyze verify is silent")
  func systemdUnits() throws {
    let service = try Self.text("Deploy/systemd/postmortem-nightly.service")
    let timer = try Self.text("Deploy/systemd/postmortem-nightly.timer")
    let serviceKeys = try Self.ini(service)
    let timerKeys = try Self.ini(timer)
    #expect(serviceKeys["Service.Type"] == "oneshot")
    #expect(serviceKeys["Service.ExecStart"]?.contains("postmortem nightly --config ") == true)
    #expect(serviceKeys["Service.SuccessExitStatus"]?.split(separator: " ").sorted() == ["1", "3"])
    #expect(timerKeys["Timer.OnCalendar"] != nil && timerKeys["Timer.Persistent"] == "true")
    #expect(timerKeys["Timer.Unit"] == "postmortem-nightly.service")
    #expect(timerKeys["Install.WantedBy"] == "timers.target")
    guard let analyze = Self.systemdAnalyze else {
      print("systemd-analyze is not installed: the units were checked by their keys only")
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-units-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // verify insists that ExecStart's program exists: point it at one that does.
    let program = CommandLineTool.path ?? "/bin/true"
    try Data(service.replacingOccurrences(of: "/usr/local/bin/postmortem", with: program).utf8)
      .write(to: URL(fileURLWithPath: folder + "/postmortem-nightly.service"))
    try Data(timer.utf8).write(to: URL(fileURLWithPath: folder + "/postmortem-nightly.timer"))
    let good = try Self.verify(
      analyze, [folder + "/postmortem-nightly.service", folder + "/postmortem-nightly.timer"])
    #expect(good.status == 0 && good.output.isEmpty, "\(good.output)")
    try Data("[Service]\nExecStart=/bin/true\nOnCalender=daily\n".utf8)
      .write(to: URL(fileURLWithPath: folder + "/broken.service"))
    let broken = try Self.verify(analyze, [folder + "/broken.service"])
    #expect(!broken.output.isEmpty, "verify notices a misspelt key")
  }

  @Test("the Kubernetes CronJob parses and has the keys a cluster needs")
  func cronJob() throws {
    let document = try #require(
      try Yams.load(yaml: Self.text("Deploy/kubernetes/postmortem-nightly-cronjob.yaml")) as? [String: Any])
    #expect(document["apiVersion"] as? String == "batch/v1")
    #expect(document["kind"] as? String == "CronJob")
    #expect((document["metadata"] as? [String: Any])?["name"] as? String != nil)
    let spec = try #require(document["spec"] as? [String: Any])
    let schedule = try #require(spec["schedule"] as? String)
    #expect(schedule.split(separator: " ").count == 5, "a five-field cron schedule")
    #expect(spec["concurrencyPolicy"] as? String == "Forbid")
    let job = try #require((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])
    let pod = try #require((job["template"] as? [String: Any])?["spec"] as? [String: Any])
    #expect(["Never", "OnFailure"].contains(pod["restartPolicy"] as? String ?? ""))
    let container = try #require((pod["containers"] as? [[String: Any]])?.first)
    #expect(container["image"] is String)
    let arguments = (container["args"] as? [String]) ?? []
    #expect(arguments.starts(with: ["nightly", "--config"]))
    let mounts = ((container["volumeMounts"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    let volumes = ((pod["volumes"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    #expect(!mounts.isEmpty && Set(mounts).isSubset(of: Set(volumes)), "every mount has its volume")
  }

  /// `Section.Key` → value of a systemd unit; a line outside a section or without `=` is an error.
  static func ini(_ text: String) throws -> [String: String] {
    var section = ""
    var keys: [String: String] = [:]
    for raw in text.split(separator: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        section = String(line.dropFirst().dropLast())
        continue
      }
      guard !section.isEmpty, let equals = line.firstIndex(of: "=") else {
        throw CocoaError(.fileReadCorruptFile)
      }
      keys[section + "." + line[..<equals].trimmingCharacters(in: .whitespaces)] =
        line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    }
    return keys
  }

  static func verify(_ analyze: String, _ units: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: analyze)
    process.arguments = ["verify", "--man=no"] + units
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }
}
