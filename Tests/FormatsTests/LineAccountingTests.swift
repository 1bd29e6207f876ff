import Foundation
import Ingest
import Testing

@testable import Formats

/// Nothing read is lost: for every log among the fixtures and samples (and every file no format reads), lines =
/// records + continued + skipped, each line one of the three: a line before the first record is skipped, with
/// its reason. Metric dumps and tables count samples and snapshots, not lines.
@Suite("Every line accounted for", .enabled(if: RealLogFixtures.directory != nil))
struct LineAccountingTests {
  static let files: [String] = {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let roots = [RealLogFixtures.directory, package.appendingPathComponent("Samples").path].compactMap { $0 }
    var files: [String] = []
    for root in roots {
      guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
      while let relative = walker.nextObject() as? String {
        let path = root + "/" + relative
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory), !directory.boolValue,
          !relative.hasSuffix(".md"), !relative.hasSuffix("LICENSE"), !relative.hasSuffix(".json"),
          !relative.hasSuffix(".csv") || relative.contains("grafana")
        else { continue }
        files.append(path)
      }
    }
    return files.sorted()
  }()

  @Test("in every log, lines = records + continued + skipped, with no layout lines")
  func accounted() throws {
    #expect(Self.files.count > 100)
    var logs = 0
    for path in Self.files {
      var reader = SourceReader(source: Source(path: path))
      do {
        try reader.read { _, _ in }
      } catch is FormatError {
        // Unrecognised or malformed as a whole: counted as skipped all the same.
      } catch {
        continue  // not a file Postmortem opens (an archive member it cannot decode)
      }
      let stats = reader.stats
      guard stats.format?.readsEvents ?? true else {
        // Metric dumps and tables: a line holds many samples, a table's last row completes a snapshot, and a
        // snapshot nothing dates is skipped as a whole.
        continue
      }
      #expect(
        stats.lines == stats.records + stats.continued + stats.skipped + stats.structural,
        "\(path): \(stats.lines) lines, \(stats.records) records, \(stats.continued) continued, \(stats.skipped) skipped, \(stats.structural) layout"
      )
      if let format = stats.format, format.readsEvents {
        logs += 1
        #expect(stats.structural == 0, "\(path): \(stats.structural) layout lines in a log")
      }
    }
    #expect(logs > 50)
  }
}
