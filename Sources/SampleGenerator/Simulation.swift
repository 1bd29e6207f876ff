import Foundation
import Ingest

/// The generator's clock: each simulated second draws requests, writes the lines each tool would write for
/// them, and every 15 s a metrics scrape, every 30 s a processlist snapshot.
struct Simulation {
  let scenario: Scenario
  let model: IncidentModel
  let scale: Double
  let seedUsed: UInt64
  var random: SplitMix64

  var files: [String: TimedWriter] = [:]
  /// Requests per service and status so far: what `istio_requests_total` counts.
  var counters: [String: [Int: Int]] = [:]
  var maxUsed = 0
  var threadsConnected: [(seconds: Int64, value: Double)] = []
  var firstTimeoutMilliseconds: Int64?
  var nextConnectionID = 0
  let directory: String

  init(scenario: Scenario, seed: UInt64, scale: Double, directory: String) throws {
    self.scenario = scenario
    self.model = IncidentModel(scenario: scenario)
    self.scale = scale
    self.directory = directory
    seedUsed = seed
    random = SplitMix64(seed: seed)
    for service in scenario.services {
      for pod in service.pods {
        try open("istio/\(pod)-istio-proxy.log", service.accessLogCompression)
        if let log = service.appLog {
          try open(
            "logs/\(service.name)/\(pod).log",
            log == .pino && service.role == "cart" || log == .monolog ? .lz4 : .gzip)
        }
      }
    }
    try open("metrics/prometheus-scrapes.prom", .gzip)
    try open("mysql/processlist.txt", .gzip)
  }

  private mutating func open(_ relative: String, _ compression: Scenario.CompressionChoice) throws {
    let path = directory + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let (suffix, kind): (String, Compression) =
      switch compression {
      case .gzip: (".gz", .gzip)
      case .lz4: (".lz4", .lz4)
      case .plain: ("", .plain)
      }
    files[relative] = TimedWriter(
      writer: try CompressedFileWriter(path: path + suffix, compression: kind, level: 9))
  }

  private var startMilliseconds: Int64 { scenario.start * 1000 }

  mutating func write(_ relative: String, at t: Int, _ text: String) throws {
    files[relative]!.add(startMilliseconds + Int64(t) * 1000, text)
  }

  mutating func run() throws {
    for t in 0..<scenario.duration {
      let now = startMilliseconds + Int64(t) * 1000
      for key in files.keys.sorted() { try files[key]!.flush(before: now) }
      for service in scenario.services { try requests(service, at: t) }
      if t % 15 == 0 { try scrape(at: t) }
      if t % 30 == 0 { try snapshot(at: t) }
    }
    for key in files.keys.sorted() { try files[key]!.close() }
    try writeQueryRange()
  }

  // MARK: Requests and their log lines

  private mutating func requests(_ service: Scenario.Service, at t: Int) throws {
    let count = random.poisson(service.rate * scale)
    for index in 0..<count {
      let start = startMilliseconds + Int64(t) * 1000 + Int64(random.int(0...999))
      let (seconds, fails) = model.request(service, at: t, random: &random)
      let status = fails ? 500 : 200
      counters[service.name, default: [:]][status, default: 0] += 1
      let podIndex = index % service.pods.count
      let pod = service.pods[podIndex]
      let milliseconds = max(1, Int((seconds * 1000).rounded()))
      let path = Self.path(for: service.role, &random)
      if random.chance(scenario.accessLogSampling) {
        files["istio/\(pod)-istio-proxy.log"]!.add(
          start,
          LogLines.istio(
            start: start, method: path.method, path: path.url, status: status,
            bytes: fails ? 21 : random.int(180...2400), milliseconds: milliseconds, service: service.name,
            port: service.port, pod: 4 + podIndex, peer: random.int(2...9),
            peerPort: 33000 + random.int(0...19)))
      }
      let log = "logs/\(service.name)/\(pod).log"
      switch service.appLog {
      case .springBoot: shippingLines(log, start: start, milliseconds: milliseconds, fails: fails)
      case .monolog:
        if fails {
          files[log]!.add(
            start + 4,
            LogLines.monolog(
              start + 4, level: "ERROR", "Database error SQLSTATE[HY000] [1040] Too many connections"))
        } else if random.chance(0.1) {
          files[log]!.add(
            start + 2,
            LogLines.monolog(
              start + 2, level: "INFO", "Sku \(Self.skus[random.int(0...Self.skus.count - 1)]) exists"))
        }
      case .pino:
        if random.chance(0.05) {
          let end = start + Int64(milliseconds)
          files[log]!.add(
            end,
            LogLines.pino(
              end, host: pod, method: path.method, url: path.url, status: status, responseTime: milliseconds))
        }
      case .nginx:
        try webRequest(log, start: start, milliseconds: milliseconds)
      case nil:
        break
      }
    }
  }

  private mutating func shippingLines(_ log: String, start: Int64, milliseconds: Int, fails: Bool) {
    let thread = "http-nio-8080-exec-\(random.int(1...10))"
    if fails {
      let at = start + 30_000 + Int64(random.int(0...900))
      firstTimeoutMilliseconds = min(firstTimeoutMilliseconds ?? at, at)
      files[log]!.add(
        at,
        LogLines.spring(
          at, level: "WARN", thread: thread, logger: "o.h.engine.jdbc.spi.SqlExceptionHelper",
          "SQL Error: 0, SQLState: null"))
      var text = LogLines.spring(
        at, level: "ERROR", thread: thread, logger: "o.h.engine.jdbc.spi.SqlExceptionHelper",
        "HikariPool-1 - Connection is not available, request timed out after \(30_000 + random.int(0...900))ms."
      )
      if random.chance(0.3) {
        text += LogLines.spring(
          at + 2, level: "ERROR", thread: thread, logger: "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
          "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed; nested exception is org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection] with root cause"
        )
        text += """

          java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.
          \tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:695) ~[HikariCP-3.4.5.jar!/:na]
          \tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197) ~[HikariCP-3.4.5.jar!/:na]
          \tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100) ~[HikariCP-3.4.5.jar!/:na]
          \tat com.instana.robotshop.shipping.RetryableDataSource.getConnection(RetryableDataSource.java:27) ~[classes!/:na]
          \tat org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl.getConnection(DatasourceConnectionProviderImpl.java:122) ~[hibernate-core-5.4.20.Final.jar!/:5.4.20.Final]
          \t... 95 common frames omitted

          """
      }
      files[log]!.add(at, text)
    } else if random.chance(0.4) {
      let at = start + Int64(min(milliseconds, 2000))
      let message =
        random.chance(0.5) ? "Calculation for \(random.int(1...4800))" : "shipping \(random.int(1...9999))"
      files[log]!.add(
        at, LogLines.spring(at, level: "INFO", thread: thread, logger: "c.i.r.shipping.Controller", message))
    }
  }

  /// nginx in front of the API: a share of its requests are proxied to shipping and ratings.
  private mutating func webRequest(_ log: String, start: Int64, milliseconds: Int) throws {
    var status = 200
    var seconds = Double(milliseconds) / 1000
    var url = "/api/catalogue/products"
    let roll = random.unit()
    if roll < 0.15, let shipping = scenario.services.first(where: { $0.role == "shipping" }) {
      let upstream = model.request(shipping, at: Int((start / 1000) - scenario.start), random: &random)
      url = "/api/shipping/calc/\(random.int(1...4800))"
      seconds += upstream.seconds
      if upstream.fails { status = 502 }
      // nginx's proxy_read_timeout is 60 s by default.
      if seconds > 60 {
        seconds = 60
        status = 504
      }
    } else if roll < 0.25, let ratings = scenario.services.first(where: { $0.role == "ratings" }) {
      let upstream = model.request(ratings, at: Int((start / 1000) - scenario.start), random: &random)
      url = "/api/ratings/api/fetch/\(Self.skus[random.int(0...Self.skus.count - 1)])"
      seconds += upstream.seconds
      if upstream.fails { status = 500 }
    }
    let end = start + Int64(seconds * 1000)
    files[log]!.add(
      end,
      LogLines.nginx(
        end: end, client: random.int(2...9), method: "GET", path: url, status: status,
        bytes: status == 200 ? random.int(200...3000) : 157))
  }

  static let skus = [
    "Watson", "Ewooid", "HPTD", "UHJ", "EPE", "EMM", "SHCE", "RED", "RMC", "STAN-1", "CNA", "CB",
  ]

  static func path(for role: String, _ random: inout SplitMix64) -> (method: String, url: String) {
    switch role {
    case "shipping": random.chance(0.5) ? ("GET", "/calc/\(random.int(1...4800))") : ("GET", "/codes")
    case "ratings": ("GET", "/api/fetch/\(skus[random.int(0...skus.count - 1)])")
    case "cart": ("GET", "/cart/\(random.int(1000...9999))")
    case "catalogue": ("GET", "/product/\(skus[random.int(0...skus.count - 1)])")
    case "user": ("GET", "/uniqueid")
    case "payment": ("POST", "/pay/\(random.int(1000...9999))")
    default: ("GET", "/")
    }
  }
}
