import Foundation
import Testing

@testable import Signals

@Suite("Template mining")
struct TemplateMinerTests {
  private func mine(_ lines: [String], into miner: inout TemplateMiner) -> [Int] {
    lines.map { line in
      var line = line
      return line.withUTF8 { miner.add(UnsafeRawBufferPointer($0))! }
    }
  }

  private func templates(_ lines: [String]) -> [String] {
    var miner = TemplateMiner()
    let ids = mine(lines, into: &miner)
    return ids.map { miner.text(of: $0) }
  }

  /// Each template with its line count, in first-seen order, once.
  private func texts(_ miner: TemplateMiner) -> [String] {
    var seen: Set<String> = []
    return (0..<miner.clusterCount).map { "\(miner.text(of: $0)) ×\(miner.lines(of: $0))" }
      .filter { seen.insert($0).inserted }
  }

  private func template(_ text: String) -> String {
    Array(text.utf8).withUnsafeBytes { MessageShape.template($0) }
  }

  @Test("numbers, hex, ids, IPs, UUIDs, durations and paths are masked before the tree")
  func masking() {
    #expect(template("took 30662ms to send 512 bytes") == "took <*>ms to send <*> bytes")
    #expect(template("value 0x7f3a at 001065ac") == "value <*> at <*>")
    #expect(template("block blk_-1608999687919862906 stored") == "block blk_-<*> stored")
    #expect(template("from 10.251.73.220:50010 ok") == "from <*>:<*> ok")
    #expect(template("rhost=218.188.2.4 user=root") == "rhost=<*> user=root")
    #expect(
      template("instance 3edec1e4-9678-4a3a-a21b-a145a4ee5e61 resumed") == "instance <*> resumed")
    #expect(template("reading /var/log/app/server.log now") == "reading <*> now")
    #expect(template("names jk2_init ssh2 IPv6 stay") == "names jk2_init ssh2 IPv6 stay")
    #expect(
      template("headroom=<memory:0, vCores:-1> blk_-42") == "headroom=<memory:<*>, vCores:<*>> blk_-<*>")
  }

  @Test("lines of one template meet; the parts that vary become <*>, punctuation around them stays")
  func grouping() {
    let lines = [
      "Invalid user webmaster from 173.234.31.186",
      "Invalid user test from 52.80.34.196",
      "session opened for user root by (uid=0)",
      "Invalid user admin from 103.99.0.122",
      "Invalid user oracle from 103.99.0.123",
      "session opened for user root by (uid=9)",
      "failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=a.example.com user=x",
      "failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=b.example.org user=y",
    ]
    let invalid = "Invalid user <*> from <*>"
    let failure = "failure; logname= uid=<*> euid=<*> tty=NODEVssh ruser= rhost=<*> user=<*>"
    #expect(
      templates(lines) == [
        invalid, invalid, "session opened for user root by (uid=<*>)", invalid, invalid,
        "session opened for user root by (uid=<*>)", failure, failure,
      ])
  }

  @Test("different messages of one length stay apart")
  func separation() {
    let found = templates([
      "Received disconnect from 1.2.3.4: 11: Bye Bye [preauth]",
      "Received disconnect from 1.2.3.5: 11: disconnected by user",
    ])
    #expect(found[0] != found[1])
  }

  @Test("a word that takes few values stays a constant; one that takes many folds into <*>")
  func folding() {
    let events = ["Resumed", "Started", "Paused", "Resumed", "Started"]
    let lifecycle = templates(
      events.map { "[instance: 3edec1e4-9678-4a3a-a21b-a145a4ee5e61] VM \($0) (Lifecycle Event)" })
    #expect(Set(lifecycle).count == 3)
    #expect(lifecycle[0] == "[instance: <*>] VM Resumed (Lifecycle Event)")
    let users = ["webmaster", "test", "oracle", "guest", "admin", "tomcat"]
    let invalid = templates(users.map { "Invalid user \($0) from 173.234.31.186" })
    #expect(Set(invalid) == ["Invalid user <*> from <*>"])
  }

  @Test("a varying leading word folds across the tree's leaves, once the lines share enough other words")
  func foldingAcrossLeaves() {
    let jobs = ["icloud.fmfd.heartbeat", "Safari.SafeBrowsing.Update", "CacheDelete.daily", "ical.sync"]
    let lines = jobs.map {
      "com.apple.\($0): scheduler_evaluate_activity told me to run this job; however, the start time isn't for 42 seconds."
    }
    #expect(
      Set(templates(lines))
        == [
          "com.apple.<*>: scheduler_evaluate_activity told me to run this job; however, the start time isn't for <*> seconds."
        ])
    #expect(Set(templates(["normal", "warning", "running", "stopped", "failed"])).count == 5)
  }

  @Test("the same input gives the same clusters, texts and ids")
  func determinism() {
    let lines = (0..<500).map { "request \($0 % 7) of user u\($0 % 13) took \($0)ms at node-\($0 % 5)" }
    var first = TemplateMiner()
    var second = TemplateMiner()
    #expect(mine(lines, into: &first) == mine(lines, into: &second))
    #expect(texts(first) == texts(second))
  }

  @Test("a later chunk's miner absorbed gives the templates and counts of mining the lines in order")
  func mergeEqualsSequential() {
    let kinds = [
      "Receiving block blk_\u{0} src: /10.0.0.\u{0}:50010",
      "PacketResponder \u{0} for block blk_\u{0} terminating",
      "Deleting block blk_\u{0} file /data/dfs/blk_\u{0}", "Verification succeeded for blk_\u{0}",
    ]
    let lines = (0..<400).map { index in
      kinds[(index * 7 + index / 3) % kinds.count].replacingOccurrences(of: "\u{0}", with: String(index * 31))
    }
    var sequential = TemplateMiner()
    _ = mine(lines, into: &sequential)
    var early = TemplateMiner()
    var late = TemplateMiner()
    _ = mine(Array(lines[..<150]), into: &early)
    _ = mine(Array(lines[150...]), into: &late)
    _ = early.absorb(late)
    #expect(texts(early) == texts(sequential))
  }

  @Test("past the cluster limit, new shapes are not placed; known ones still are")
  func limit() {
    var miner = TemplateMiner(clusterLimit: 1)
    var first = "alpha beta gamma"
    var second = "one two three four"
    #expect(first.withUTF8 { miner.add(UnsafeRawBufferPointer($0)) } == 0)
    #expect(second.withUTF8 { miner.add(UnsafeRawBufferPointer($0)) } == nil)
    #expect(first.withUTF8 { miner.add(UnsafeRawBufferPointer($0)) } == 0)
  }

  @Test("Loghub-2.0 template corrections, as its evaluation applies them")
  func corrections() {
    #expect(
      LoghubTemplateRules.correct("Failed  password for root from <*> port 22")
        == "Failed password for <*> from <*> port <*>")
    #expect(
      LoghubTemplateRules.correct("blockMap updated: <*>.<*>.<*>:<*> is added to blk_<*>")
        == "blockMap updated: <*>:<*> is added to <*>")
    #expect(
      LoghubTemplateRules.correct("workerEnv.init() ok /etc/httpd/conf/workers2.properties")
        == "workerEnv.init() ok <*>")
  }

  @Test("GA counts a line only when its predicted group is exactly its true group")
  func groupingAccuracy() {
    let truth = ["a", "a", "b", "b", "c"]
    #expect(TemplateAccuracy.grouping(predicted: ["x", "x", "y", "y", "z"], truth: truth) == 1)
    #expect(TemplateAccuracy.grouping(predicted: ["x", "x", "x", "y", "z"], truth: truth) == 0.2)
  }

  @Test(
    "mean GA ≥ 0.90 and PA ≥ 0.70 over the Loghub-2.0 2k samples, one configuration",
    .enabled(if: Fixtures.hasLoghub, "the loghub-2k fixtures are absent"))
  func loghub() throws {
    let systems = try FileManager.default.contentsOfDirectory(atPath: Fixtures.loghub.path).sorted().filter {
      FileManager.default.fileExists(
        atPath: Fixtures.loghub.appendingPathComponent("\($0)/\($0)_2k.log_structured_corrected.csv").path)
    }
    #expect(systems.count == 14)
    var grouping = 0.0
    var parsing = 0.0
    for system in systems {
      let url = Fixtures.loghub.appendingPathComponent("\(system)/\(system)_2k.log_structured_corrected.csv")
      let sample = try LoghubSample(csv: Array(Data(contentsOf: url)))
      let predicted = templates(sample.contents)
      grouping += TemplateAccuracy.grouping(predicted: predicted, truth: sample.templates)
      parsing += TemplateAccuracy.parsing(predicted: predicted, truth: sample.templates)
    }
    #expect(grouping / Double(systems.count) >= 0.90)
    #expect(parsing / Double(systems.count) >= 0.70)
  }
}
