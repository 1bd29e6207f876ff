import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A throwaway MariaDB server on loopback, with its own data directory, socket and port, started from the
/// Debian packages `scripts/setup` installs; stopped by `stop()` (or when the process that owns it exits).
final class MariaDBServer {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static let daemon = "/usr/sbin/mariadbd"
  static let installer = "/usr/bin/mariadb-install-db"
  static let client = "/usr/bin/mariadb"
  static let admin = "/usr/bin/mariadb-admin"

  /// Whether the server and its client are installed here.
  static var isInstalled: Bool {
    [daemon, installer, client, admin].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
  }

  let directory: String
  let port: Int
  var socket: String { directory + "/mysqld.sock" }
  private var process = Process()
  /// Clients left open (idle or busy connections), ended with the server.
  private var clients: [Process] = []

  /// Initialises a data directory and starts the server; waits until it answers.
  init() throws {
    directory =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "postmortem-mariadb-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
    // Servers started side by side must not share temporary files.
    try FileManager.default.createDirectory(atPath: directory + "/tmp", withIntermediateDirectories: true)
    port = try Self.freePort()
    try Self.run(
      Self.installer,
      [
        "--no-defaults", "--datadir=\(directory)/data", "--auth-root-authentication-method=normal",
        "--skip-test-db", "--tmpdir=\(directory)/tmp",
      ]
        + Self.runAs)
    try start()
  }

  /// The server refuses to run as root unless told to; CI runs as root.
  private static var runAs: [String] { getuid() == 0 ? ["--user=root"] : [] }

  /// Starts the daemon on the data directory and waits until it answers.
  private func start() throws {
    process = Process()
    let user = Self.runAs
    process.executableURL = URL(fileURLWithPath: Self.daemon)
    process.arguments =
      [
        "--no-defaults", "--datadir=\(directory)/data", "--socket=\(socket)", "--port=\(port)",
        "--bind-address=127.0.0.1", "--pid-file=\(directory)/mysqld.pid", "--tmpdir=\(directory)/tmp",
        "--log-error=\(directory)/error.log",
        "--skip-log-bin", "--innodb-buffer-pool-size=16M",
      ] + user
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<150 {
      if (try? admin(["ping"])) != nil { return }
      guard process.isRunning else { break }
      usleep(100_000)
    }
    stop()
    let log = (try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? ""
    throw Failure(description: "mariadbd did not start on port \(port):\n\(log.suffix(2_000))")
  }

  deinit {
    stop()
  }

  /// Shuts the server down cleanly and starts it again on the same data, port and error log: a restart.
  func restart() throws {
    _ = try? admin(["shutdown"])
    for _ in 0..<100 where process.isRunning { usleep(100_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    try start()
  }

  /// Runs the client over TCP as `user` and returns its exit status and what it wrote to standard error, as
  /// an SRE sees a failing statement (`ERROR 1205 (HY000) at line 1: …`).
  func client(user: String, password: String, _ statement: String) throws -> (status: Int32, errors: String) {
    let client = Process()
    client.executableURL = URL(fileURLWithPath: Self.client)
    client.arguments = [
      "--no-defaults", "-h127.0.0.1", "-P\(port)", "-u\(user)", "-p\(password)", "-e", statement,
    ]
    let errors = Pipe()
    client.standardOutput = FileHandle.nullDevice
    client.standardError = errors
    try client.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    client.waitUntilExit()
    return (client.terminationStatus, String(decoding: message, as: UTF8.self))
  }

  /// Ends the clients, shuts the server down and removes its files.
  func stop() {
    for client in clients where client.isRunning { client.terminate() }
    clients = []
    if process.isRunning {
      _ = try? admin(["shutdown"])
      for _ in 0..<100 where process.isRunning { usleep(100_000) }
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Runs SQL as root over the socket and returns what the client printed.
  @discardableResult
  func sql(_ statement: String, options: [String] = []) throws -> String {
    try Self.run(
      Self.client, ["--no-defaults", "--socket=\(socket)", "-uroot"] + options + ["-e", statement])
  }

  /// Runs `mariadb-admin` as root and returns what it printed.
  @discardableResult
  func admin(_ arguments: [String]) throws -> String {
    try Self.run(Self.admin, ["--no-defaults", "--socket=\(socket)", "-uroot"] + arguments)
  }

  /// Opens a connection over TCP as `user` that stays idle (`Sleep`) until the server stops.
  func openIdleConnection(user: String, password: String) throws {
    let client = try startClient(user: user, password: password, statement: nil)
    clients.append(client)
  }

  /// Opens a connection over TCP as `user` that runs `statement` until it ends or the server stops.
  func openBusyConnection(user: String, password: String, statement: String) throws {
    clients.append(try startClient(user: user, password: password, statement: statement))
  }

  private func startClient(user: String, password: String, statement: String?) throws -> Process {
    let client = Process()
    client.executableURL = URL(fileURLWithPath: Self.client)
    client.arguments =
      ["--no-defaults", "-h127.0.0.1", "-P\(port)", "-u\(user)", "-p\(password)"]
      + (statement.map { ["-e", $0] } ?? [])
    // An interactive client with its standard input held open sits idle on its connection.
    client.standardInput = Pipe()
    client.standardOutput = FileHandle.nullDevice
    client.standardError = FileHandle.nullDevice
    try client.run()
    return client
  }

  @discardableResult
  private static func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(
        description:
          "\(executable) \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// A port the kernel just handed out, so parallel runs on one machine do not collide.
  private static func freePort() throws -> Int {
    let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw Failure(description: "socket(): \(errno)") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
      }
    }
    guard bound else { throw Failure(description: "bind(): \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
