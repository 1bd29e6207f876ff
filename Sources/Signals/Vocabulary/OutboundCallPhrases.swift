/// How HTTP and RPC clients log a call to another service or host that timed out or failed: Java
/// (`HttpURLConnection`, Spring's `RestTemplate`), Go (`net/http`, gRPC), Node.js, Envoy in front of a caller,
/// Python `requests`. A row per spelling, with a line that shows it; the first row whose phrase a line holds
/// is its row, so the more specific spellings come first. `OutboundCallTests` walks the rows.
enum OutboundCallPhrases {
  /// What went wrong with the call.
  enum Failure: String, Sendable {
    case timeout, refused, reset, unavailable, failed
  }

  struct Row: Sendable {
    var phrase: String
    var failure: Failure
    /// A log line with this spelling, whose target `OutboundTarget.host` finds.
    var example: String
    /// The host `example` names.
    var host: String
  }

  static let rows: [Row] = [
    // nginx's error log, about the upstream a request was proxied to.
    Row(
      phrase: "upstream timed out", failure: .timeout,
      example:
        #"2026/11/27 03:04:05 [error] 31#31: *812 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.9, server: _, request: "GET /api/ratings/7 HTTP/1.1", upstream: "http://10.44.1.7:8080/api/ratings/7", host: "shop""#,
      host: "10.44.1.7"),
    Row(
      phrase: "connect() failed", failure: .refused,
      example:
        #"2026/11/27 03:04:05 [error] 31#31: *813 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: _, request: "POST /api/cart HTTP/1.1", upstream: "http://cart:8080/api/cart", host: "shop""#,
      host: "cart"),
    Row(
      phrase: "no live upstreams", failure: .unavailable,
      example:
        #"2026/11/27 03:04:06 [error] 31#31: *814 no live upstreams while connecting to upstream, client: 10.0.0.9, server: _, request: "GET /api/user HTTP/1.1", upstream: "http://user_backend/api/user", host: "shop""#,
      host: "user_backend"),
    Row(
      phrase: "requests.exceptions.ReadTimeout", failure: .timeout,
      example:
        "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='inventory', port=8080): Read timed out. (read timeout=5)",
      host: "inventory"),
    Row(
      phrase: "requests.exceptions.ConnectionError", failure: .failed,
      example:
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded",
      host: "api.stripe.com"),
    Row(
      phrase: "I/O error on ", failure: .failed,
      example:
        #"I/O error on POST request for "https://payments.example.com/v1/charge": Connection reset; zone=eu-1"#,
      host: "payments.example.com"),
    // Python's socket timeout says only `timed out`: the line's URL names the target.
    Row(
      phrase: ": timed out", failure: .timeout,
      example: "app.ERROR: GET http://quotes.internal:8443/v1/quote failed after 2001ms: timed out",
      host: "quotes.internal"),
    Row(
      phrase: "connect timed out", failure: .timeout,
      example: "java.net.SocketTimeoutException: connect timed out calling http://inventory:8080/items",
      host: "inventory"),
    Row(
      phrase: "Read timed out", failure: .timeout,
      example: "java.net.SocketTimeoutException: Read timed out url=http://catalogue:8080/products zone=us-2",
      host: "catalogue"),
    Row(
      phrase: "DEADLINE_EXCEEDED", failure: .timeout,
      example:
        "io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 0.99s target=ratings:50051",
      host: "ratings"),
    Row(
      phrase: "UNAVAILABLE: ", failure: .unavailable,
      example: "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception target=dns:///ratings:50051",
      host: "ratings"),
    Row(
      phrase: "context deadline exceeded", failure: .timeout,
      example: #"Get "http://shipping:8080/calc": context deadline exceeded (Client.Timeout exceeded)"#,
      host: "shipping"),
    Row(
      phrase: "upstream connect error or disconnect/reset before headers", failure: .reset,
      example:
        "upstream connect error or disconnect/reset before headers. reset reason: connection failure host=cart",
      host: "cart"),
    Row(
      phrase: "ETIMEDOUT", failure: .timeout,
      example: "Error: connect ETIMEDOUT 10.0.3.7:6379",
      host: "10.0.3.7"),
    Row(
      phrase: "ECONNREFUSED", failure: .refused,
      example: "Error: connect ECONNREFUSED 127.0.0.1:3000",
      host: "127.0.0.1"),
    Row(
      phrase: "ECONNRESET", failure: .reset,
      example: "FetchError: request to https://user.shop.svc:8443/login failed, reason: read ECONNRESET",
      host: "user.shop.svc"),
    Row(
      phrase: "socket hang up", failure: .reset,
      example: "Error: socket hang up at connResetException; url=http://dispatch:8080/queue",
      host: "dispatch"),
    Row(
      phrase: "dial tcp ", failure: .failed,
      example: "dial tcp 10.0.4.2:5672: i/o timeout",
      host: "10.0.4.2"),
  ]

  private static let phraseBytes = rows.map { Array($0.phrase.utf8) }

  /// The row of the first phrase `message` holds, if any. Read once per log template, on its first line.
  static func row(in message: UnsafeRawBufferPointer) -> Int? {
    phraseBytes.firstIndex { phrase in message.firstRange(of: phrase) != nil }
  }
}

extension UnsafeRawBufferPointer {
  /// Where `needle` first occurs.
  func firstRange(of needle: [UInt8]) -> Range<Int>? {
    guard let first = needle.first, needle.count <= count else { return nil }
    var index = 0
    while index + needle.count <= count {
      if self[index] == first {
        var matched = 1
        while matched < needle.count, self[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index..<(index + needle.count) }
      }
      index += 1
    }
    return nil
  }
}
