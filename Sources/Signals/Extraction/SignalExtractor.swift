public import Formats
public import Ingest

/// Reads every source on all cores and turns the merged aggregates into signals.
public enum SignalExtractor {
  /// `progress` is called now and then from a worker thread while the sources are read.
  public static func extract(
    paths: [String], options: ExtractionOptions, scheduler: ChunkScheduler = ChunkScheduler(),
    progress: (@Sendable (IngestProgress) -> Void)? = nil
  ) -> Extraction {
    let (sources, discoveryErrors) = SourceDiscovery.sources(for: paths, filter: options.filter)
    let step = Int64(max(1, options.resolutionSeconds)) * 1000
    let window: ClosedRange<Int64>? =
      (options.from != nil || options.to != nil)
      ? (options.from ?? .min)...((options.to ?? .max) - 1) : nil
    let totals = ExtractionTotals(stepMilliseconds: step)
    scheduler.run(sources, progress: progress) { stream in
      SourceConsumer(
        stream: stream, stepMilliseconds: step, options: options.read, naming: options.naming, window: window,
        totals: totals)
    }
    let merged = totals.merged
    // Without --from/--to the window is where the sources overlap: the median of their first and of their
    // last records, widened to whole buckets. A log that stamps requests at their end runs past the others,
    // and its thinning tail would read as a drop in traffic. A source read at one instant (a SHOW VARIABLES
    // dump beside a mysqladmin capture) spans nothing, so it has no say unless every source is one.
    let spans = totals.extents.filter { $0.first < $0.last }
    let extents = spans.isEmpty ? totals.extents : spans
    let first = extents.isEmpty ? 0 : Self.median(extents.map(\.first))
    let last = extents.isEmpty ? first : Self.median(extents.map(\.last))
    let start = options.from ?? SignalBuilder.floorDivide(first, step) * step
    let end = options.to ?? (SignalBuilder.floorDivide(last, step) + 1) * step
    let builder = SignalBuilder(aggregate: merged, windowStart: start, windowEnd: max(end, start + 1))
    return Extraction(
      windowStart: start, windowEnd: max(end, start + 1), stepMilliseconds: step,
      signals: builder.signals().sorted { $0.key < $1.key }, sources: totals.outcomes,
      discoveryErrors: discoveryErrors.map(String.init(describing:)), processlist: merged.processlist.fullest,
      longRunningQueries: merged.processlist.longRunning,
      queryClasses: QueryClassSummary.top(merged.database.queries), innodb: merged.database.innodb.evidence,
      services: Set(merged.requests.keys.map(\.service)).union(merged.logs.keys).sorted(),
      notes: [builder.rollupNote()].compactMap { $0 }, upstreams: builder.upstreamObservations(),
      breakdownSignals: builder.breakdownSignals().sorted { $0.key < $1.key })
  }

  /// The lower median, so the window starts and ends at a time some source really has.
  private static func median(_ values: [Int64]) -> Int64 {
    values.sorted()[(values.count - 1) / 2]
  }
}

/// Every finished stream merged, in stream order: the scheduler finishes streams one at a time, in order,
/// so memory holds one merged aggregate rather than one per source.
final class ExtractionTotals: @unchecked Sendable {
  private(set) var merged: SourceAggregate
  private(set) var outcomes: [SourceOutcome] = []
  /// Each source's first and last record time, for the default window.
  private(set) var extents: [(first: Int64, last: Int64)] = []

  init(stepMilliseconds: Int64) {
    merged = SourceAggregate(stepMilliseconds: stepMilliseconds)
  }

  func add(_ aggregate: SourceAggregate, _ outcome: SourceOutcome) {
    merged.merge(aggregate)
    outcomes.append(outcome)
    if aggregate.firstMilliseconds <= aggregate.lastMilliseconds {
      extents.append((aggregate.firstMilliseconds, aggregate.lastMilliseconds))
    }
  }
}
