/// One request (or TCP connection) as a proxy's access log records it.
public struct AccessRecord: Sendable, Equatable {
  /// When the request started (Envoy stamps the start, not the end).
  public var time: Timestamp
  /// HTTP status; 0 for TCP connections and requests with no response.
  public var status: Int
  /// Total duration in milliseconds.
  public var durationMilliseconds: Double
  /// Byte range of the upstream cluster (`outbound|8080||shipping…`, `PassthroughCluster`) in the line.
  public var upstreamCluster: Range<Int>?

  public init(time: Timestamp, status: Int, durationMilliseconds: Double, upstreamCluster: Range<Int>? = nil)
  {
    self.time = time
    self.status = status
    self.durationMilliseconds = durationMilliseconds
    self.upstreamCluster = upstreamCluster
  }
}
