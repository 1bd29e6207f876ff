import Foundation

/// Debian's `chromium`, headless, for checking `RCA.html` as a reader's browser shows it.
///
/// Every host name resolves to nothing (`--host-resolver-rules`) and background services are off, so no
/// traffic leaves the machine; the net log still records any request the page itself tried to make.
struct HeadlessBrowser {
  let executable: String

  static let found: HeadlessBrowser? = [
    "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
  ]
  .first { FileManager.default.isExecutableFile(atPath: $0) }.map(HeadlessBrowser.init)

  static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  struct Visit {
    /// Console messages the page produced (Chromium logs each as `CONSOLE`).
    var console: [String]
    /// URLs the page asked the network for (net-log requests made on behalf of a file:// page).
    var requests: [String]
    var screenshot: String
  }

  func visit(_ page: String, in directory: String, width: Int = 1000, height: Int = 1400) throws -> Visit {
    let screenshot = directory + "/screenshot.png"
    let netLog = directory + "/net-log.json"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions", "--disable-domain-reliability", "--no-pings", "--disable-breakpad",
      "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
      "--user-data-dir=" + directory + "/profile", "--log-net-log=" + netLog,
      "--window-size=\(width),\(height)", "--screenshot=" + screenshot,
      URL(fileURLWithPath: page).absoluteString,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let log = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let console = String(decoding: log, as: UTF8.self).split(separator: "\n").filter {
      $0.contains(":CONSOLE")
    }
    .map(String.init)
    return Visit(console: console, requests: try Self.pageRequests(netLog), screenshot: screenshot)
  }

  /// Requests whose network isolation key is a file:// page: the page's own, not the browser's.
  private static func pageRequests(_ netLog: String) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: netLog))
    guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let constants = log["constants"] as? [String: Any],
      let types = constants["logEventTypes"] as? [String: Int], let start = types["URL_REQUEST_START_JOB"],
      let events = log["events"] as? [[String: Any]]
    else { return ["(unreadable net log)"] }
    return events.compactMap { event in
      guard event["type"] as? Int == start, let parameters = event["params"] as? [String: Any],
        let url = parameters["url"] as? String,
        (parameters["network_isolation_key"] as? String)?.hasPrefix("file://") == true
      else { return nil }
      return url
    }
  }

  /// Pixel counts of a screenshot: non-white, distinct colours, and near each of `colors` (`#rrggbb`).
  static func pixels(_ png: String, colors: [String]) throws -> (
    nonWhite: Int, distinct: Int, near: [String: Int]
  )? {
    guard let python else { return nil }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "png_colors.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script.path, png] + colors
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let result = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let nonWhite = result["nonWhite"] as? Int, let distinct = result["distinct"] as? Int,
      let near = result["colors"] as? [String: Int]
    else { return nil }
    return (nonWhite, distinct, near)
  }
}
