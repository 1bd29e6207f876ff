import Ingest

/// A log file written in time order although lines are produced out of order (a timeout is logged 30 s
/// after its request began): lines wait here until the simulated clock passes them.
struct TimedWriter {
  let writer: CompressedFileWriter
  private var waiting: [(milliseconds: Int64, sequence: Int, text: String)] = []
  private var sequence = 0

  init(writer: CompressedFileWriter) {
    self.writer = writer
  }

  mutating func add(_ milliseconds: Int64, _ text: String) {
    waiting.append((milliseconds, sequence, text))
    sequence += 1
  }

  /// Writes every waiting line stamped before `milliseconds`, in time order.
  mutating func flush(before milliseconds: Int64) throws {
    guard !waiting.isEmpty else { return }
    waiting.sort { ($0.milliseconds, $0.sequence) < ($1.milliseconds, $1.sequence) }
    let due = waiting.prefix { $0.milliseconds < milliseconds }
    for line in due { try writer.write(line.text) }
    waiting.removeFirst(due.count)
  }

  mutating func close() throws {
    try flush(before: .max)
    try writer.close()
  }
}
