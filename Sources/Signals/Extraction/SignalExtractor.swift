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
    // Without --from/--to the window is the data's extent, widened to whole buckets.
    let first = merged.firstMilliseconds == .max ? 0 : merged.firstMilliseconds
    let last = merged.lastMilliseconds == .min ? first : merged.lastMilliseconds
    let start = options.from ?? SignalBuilder.floorDivide(first, step) * step
    let end = options.to ?? (SignalBuilder.floorDivide(last, step) + 1) * step
    let builder = SignalBuilder(aggregate: merged, windowStart: start, windowEnd: max(end, start + 1))
    return Extraction(
      windowStart: start, windowEnd: max(end, start + 1), stepMilliseconds: step,
      signals: builder.signals().sorted { $0.key < $1.key }, sources: outcomes,
      discoveryErrors: discoveryErrors.map(String.init(describing:)), processlist: merged.processlist.fullest,
      services: Set(merged.requests.keys.map(\.service)).union(merged.logs.keys).sorted())
  }
}
