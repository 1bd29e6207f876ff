/// Lines exactly as each tool prints them (see FORMATS.md for the sources of each shape).
enum LogLines {
  /// Istio's default TEXT access-log format, an inbound sidecar line.
  static func istio(
    start: Int64, method: String, path: String, status: Int, bytes: Int, milliseconds: Int, service: String,
    port: Int, pod: Int, peer: Int, peerPort: Int
  ) -> String {
    return "[\(timestamp(start))] \"\(method) \(path) HTTP/1.1\" \(status) - via_upstream - \"-\" 0 \(bytes) "
      + "\(milliseconds) \(max(0, milliseconds - 1)) \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\" \"-\" "
      + "\"\(service):\(port)\" \"127.0.0.6:\(port)\" inbound|\(port)|| 127.0.0.6:\(peerPort) "
      + "10.44.\(pod).\(20 + pod):\(port) 10.44.0.\(peer):\(peerPort) "
      + "outbound_.\(port)_._.\(service).robot-shop.svc.cluster.local default\n"
  }

  /// nginx `log_format main`, written when the response is sent.
  static func nginx(end: Int64, client: Int, method: String, path: String, status: Int, bytes: Int) -> String
  {
    let time = CivilTime(epochSeconds: floorSeconds(end))
    return "10.44.0.\(client) - - [\(time.nginx)] \"\(method) \(path) HTTP/1.1\" \(status) \(bytes) \"-\" "
      + "\"Mozilla/5.0 (X11; Linux x86_64)\" \"-\"\n"
  }

  /// Spring Boot 2.x default console pattern: `%5p`, thread right-aligned and cut to 15 from the left,
  /// logger padded to 40.
  static func spring(_ milliseconds: Int64, level: String, thread: String, logger: String, _ message: String)
    -> String
  {
    let time = CivilTime(epochSeconds: floorSeconds(milliseconds))
    let millis = pad(Int(milliseconds - floorSeconds(milliseconds) * 1000), 3)
    let levelField = String(repeating: " ", count: max(0, 5 - level.count)) + level
    let threadField =
      thread.count > 15
      ? String(thread.suffix(15)) : String(repeating: " ", count: 15 - thread.count) + thread
    let loggerField =
      logger.count >= 40
      ? String(logger.prefix(40)) : logger + String(repeating: " ", count: 40 - logger.count)
    return
      "\(time.date) \(time.clock).\(millis) \(levelField) 1 --- [\(threadField)] \(loggerField) : \(message)\n"
  }

  /// PHP monolog 1 LineFormatter: `[Y-m-d H:i:s] channel.LEVEL: message context extra`.
  static func monolog(_ milliseconds: Int64, level: String, _ message: String) -> String {
    let time = CivilTime(epochSeconds: floorSeconds(milliseconds))
    return "[\(time.date) \(time.clock)] app.\(level): \(message) [] []\n"
  }

  /// pino with `useLevelLabels: true`, as express-pino-logger writes a finished request.
  static func pino(
    _ milliseconds: Int64, host: String, method: String, url: String, status: Int, responseTime: Int
  )
    -> String
  {
    "{\"level\":\"info\",\"time\":\(milliseconds),\"pid\":1,\"hostname\":\"\(host)\",\"req\":{\"method\":\"\(method)\","
      + "\"url\":\"\(url)\"},\"res\":{\"statusCode\":\(status)},\"responseTime\":\(responseTime),"
      + "\"msg\":\"request completed\",\"v\":1}\n"
  }

  /// `2026-11-27T02:58:40.123Z`
  static func timestamp(_ milliseconds: Int64) -> String {
    let time = CivilTime(epochSeconds: floorSeconds(milliseconds))
    return "\(time.date)T\(time.clock).\(pad(Int(milliseconds - floorSeconds(milliseconds) * 1000), 3))Z"
  }

  static func floorSeconds(_ milliseconds: Int64) -> Int64 {
    milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
  }
}
