import Ingest
import Testing

@Suite("Sources that cannot be read")
struct UnreadableSourceTests {
  @Test("a file that cannot be opened is reported as unreadable, naming it")
  func unreadableFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/absent.log"

    let outcome = try ReadOutcome(path: path)

    guard case .unreadable(let reported, _) = outcome.error else {
      Issue.record("expected unreadable, got \(String(describing: outcome.error))")
      return
    }
    #expect(reported == path)
    #expect(outcome.error?.description.hasPrefix(path) == true)
  }

  @Test("a directory handed to the line reader is unreadable, not a crash")
  func directoryAsSource() throws {
    let directory = try TemporaryDirectory()

    let outcome = try ReadOutcome(path: directory.path)

    guard case .unreadable(let reported, let reason) = outcome.error else {
      Issue.record("expected unreadable, got \(String(describing: outcome.error))")
      return
    }
    #expect(reported == directory.path)
    #expect(!reason.isEmpty)
    #expect(outcome.lines.isEmpty)
  }
}
