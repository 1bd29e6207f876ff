import Foundation
import Testing

@testable import Ingest

@Suite("Compressed file writing")
struct CompressedFileWriterTests {
  @Test("every compression writes lines that read back whole, and the same lines write the same bytes")
  func roundTrip() throws {
    let lines = sampleLines(8000)
    let directory = try TemporaryDirectory()

    for compression in Compression.allCases {
      var written: [[UInt8]] = []
      for copy in 0..<2 {
        let path = directory.path + "/\(compression.rawValue)-\(copy)"
        let writer = try CompressedFileWriter(path: path, compression: compression)
        for line in lines { try writer.write(line + "\n") }
        try writer.close()

        let outcome = try ReadOutcome(path: path)

        #expect(outcome.error == nil, "\(compression)")
        #expect(outcome.reader.compression == compression)
        #expect(outcome.text == lines, "\(compression)")
        written.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      }
      #expect(written[0] == written[1], "\(compression)")
    }
  }
}
