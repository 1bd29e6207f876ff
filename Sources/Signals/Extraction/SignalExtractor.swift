import Dispatch
public import Formats
import Ingest
import Synchronization

/// Reads every source (in parallel, one per core) and turns the merged aggregates into signals.
public enum SignalExtractor {
  public static func extract(paths: [String], options: ExtractionOptions) -> Extraction {
    let (sources, discoveryErrors) = SourceDiscovery.sources(for: paths)
    let step = Int64(max(1, options.resolutionSeconds)) * 1000
    let window: ClosedRange<Int64>? =
      (options.from != nil || options.to != nil)
      ? (options.from ?? .min)...((options.to ?? .max) - 1) : nil
    let results = Mutex<[(SourceAggregate, SourceOutcome)?]>(Array(repeating: nil, count: sources.count))
    DispatchQueue.concurrentPerform(iterations: sources.count) { index in
      let result = SourceAggregate.read(
        sources[index], stepMilliseconds: step, options: options.read, window: window)
      results.withLock { $0[index] = result }
    }
    var merged = SourceAggregate(stepMilliseconds: step)
    var outcomes: [SourceOutcome] = []
    for result in results.withLock({ $0 }) {
      guard let (aggregate, outcome) = result else { continue }
      merged.merge(aggregate)
      outcomes.append(outcome)
    }
    // Without --from/--to the window is where the sources overlap: the median of their first and of their
    // last records, widened to whole buckets. A log that stamps requests at their end runs past the others,
    // and its thinning tail would read as a drop in traffic.
    let extents = results.withLock { $0 }.compactMap { result -> (Int64, Int64)? in
      guard let aggregate = result?.0, aggregate.firstMilliseconds <= aggregate.lastMilliseconds else {
        return nil
      }
      return (aggregate.firstMilliseconds, aggregate.lastMilliseconds)
    }
    let first = extents.isEmpty ? 0 : Self.median(extents.map(\.0))
    let last = extents.isEmpty ? first : Self.median(extents.map(\.1))
    let start = options.from ?? SignalBuilder.floorDivide(first, step) * step
    let end = options.to ?? (SignalBuilder.floorDivide(last, step) + 1) * step
    let builder = SignalBuilder(aggregate: merged, windowStart: start, windowEnd: max(end, start + 1))
    return Extraction(
      windowStart: start, windowEnd: max(end, start + 1), stepMilliseconds: step,
      signals: builder.signals().sorted { $0.key < $1.key }, sources: outcomes,
      discoveryErrors: discoveryErrors.map(String.init(describing:)), processlist: merged.processlist.fullest,
      services: Set(merged.requests.keys.map(\.service)).union(merged.logs.keys).sorted())
  }

  /// The lower median, so the window starts and ends at a time some source really has.
  private static func median(_ values: [Int64]) -> Int64 {
    values.sorted()[(values.count - 1) / 2]
  }
}
