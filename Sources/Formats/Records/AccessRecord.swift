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

  /// Byte ranges in the line, nil when the format or the line has none: the request's method and path (query
  /// and all, as written), the client (its address, or the first `X-Forwarded-For` hop), its user agent,
  /// the upstream the proxy sent it to (`10.44.1.7:8080`, nginx's `$upstream_addr`, Envoy's upstream host),
  /// the `:authority`, and Envoy's response flags (`UT`, `UF`, `UO`, `URX`, `NR`, `UC`, `DC`, `UH`).
  public var method: Range<Int>?
  public var path: Range<Int>?
  public var client: Range<Int>?
  public var userAgent: Range<Int>?
  public var upstream: Range<Int>?
  public var authority: Range<Int>?
  public var responseFlags: Range<Int>?
  /// Time the upstream took (nginx's `$upstream_response_time`, Envoy's upstream service time), when known.
  public var upstreamMilliseconds: Double?

  public init(time: Timestamp, status: Int, durationMilliseconds: Double, upstreamCluster: Range<Int>? = nil)
  {
    self.time = time
    self.status = status
    self.durationMilliseconds = durationMilliseconds
    self.upstreamCluster = upstreamCluster
  }
}

extension AccessRecord {
  /// Moves every byte range by `offset`: the record was read from a line embedded in a longer one (a
  /// `docker compose logs` prefix before it).
  mutating func shiftRanges(by offset: Int) {
    func moved(_ range: Range<Int>?) -> Range<Int>? {
      range.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
    }
    upstreamCluster = moved(upstreamCluster)
    method = moved(method)
    path = moved(path)
    client = moved(client)
    userAgent = moved(userAgent)
    upstream = moved(upstream)
    authority = moved(authority)
    responseFlags = moved(responseFlags)
  }
}
