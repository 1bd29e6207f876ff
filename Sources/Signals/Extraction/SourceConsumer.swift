import Formats
import Ingest

/// Reads one stream's chunks for the scheduler: in order until its format is known, then, for formats whose
/// lines stand alone, each chunk on its own into a partial that is absorbed in order.
final class SourceConsumer: ChunkConsumer, @unchecked Sendable {
  enum Partial {
    /// The chunk went into the stream's own reader and accumulator.
    case serial
    /// The chunk's own reader and accumulator, to absorb.
    case parallel(SourceReader, StreamAccumulator)
  }

  let stream: StreamInfo
  private var reader: SourceReader
  private var accumulator: StreamAccumulator
  /// An empty accumulator, copied for each chunk read apart.
  private let blank: StreamAccumulator
  /// Set once, when the format allows parallel chunks, and only read after: a fresh reader to fork from.
  private var forkTemplate: SourceReader?
  private let totals: ExtractionTotals
  private let naming: ServiceNaming

  init(
    stream: StreamInfo, stepMilliseconds: Int64, options: ReadOptions, naming: ServiceNaming,
    window: ClosedRange<Int64>?, totals: ExtractionTotals
  ) {
    self.stream = stream
    self.totals = totals
    self.naming = naming
    reader = SourceReader(source: stream.source, options: options)
    blank = StreamAccumulator(path: stream.source.path, stepMilliseconds: stepMilliseconds, window: window)
    accumulator = blank
  }

  var acceptsChunksInParallel: Bool {
    if forkTemplate == nil { forkTemplate = reader.fork() }
    return forkTemplate != nil
  }

  /// A source nothing recognised is skipped whole: the rest of it is not decoded.
  var wantsMoreChunks: Bool { reader.failure == nil }

  func process(_ chunk: LineChunk) -> Partial {
    guard let fork = forkTemplate?.fork() else {
      reader.read(chunk) { record, context in accumulator.add(record, context) }
      return .serial
    }
    var forked = fork
    var records = blank
    forked.read(chunk) { record, context in records.add(record, context) }
    return .parallel(forked, records)
  }

  func absorb(_ partial: Partial) {
    guard case .parallel(let later, let records) = partial else { return }
    reader.absorb(later)
    accumulator.absorb(records)
  }

  func finish(_ end: StreamEnd) {
    reader.end(end) { record, context in accumulator.add(record, context) }
    let aggregate = SourceAggregate(accumulator, reader: reader, naming: naming)
    let services = aggregate.services.sorted()
    let error = end.fault.map(String.init(describing:)) ?? reader.failure.map(String.init(describing:))
    let outcome = SourceOutcome(
      path: stream.source.path, service: services.isEmpty ? nil : services.joined(separator: ", "),
      stats: reader.stats, recordsOutsideWindow: accumulator.outsideWindow,
      strayRecords: accumulator.strays, error: error)
    totals.add(aggregate, outcome)
  }
}
