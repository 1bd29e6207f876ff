import Foundation

/// The built `postmortem` executable, run as a scheduler would run it.
enum CommandLineTool {
  /// Beside the test bundle in the build folder (`swift test` builds every product first).
  static let path: String? = {
    var candidates: [URL] = []
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("postmortem"))
    candidates.append(bundle.appendingPathComponent("postmortem"))
    if let argument = CommandLine.arguments.first {
      candidates.append(
        URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("postmortem"))
    }
    return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Starts `postmortem arguments…`; standard error is collected in `errors`.
  static func start(_ arguments: [String], errors: Pipe? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try requirePath())
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors ?? FileHandle.nullDevice
    try process.run()
    return process
  }

  static func requirePath() throws -> String {
    guard let path else { throw CocoaError(.fileNoSuchFile) }
    return path
  }

  /// A YAML configuration for day `number` of the week into `store`, written beside the store.
  static func config(day number: Int, store: String) throws -> String {
    let path = store + "-day\(number).yaml"
    let yaml = """
      # day \(number) of the generated week
      paths:
        - \(try Week.root)/day\(number)
      store: \(store)
      keep: 90d

      """
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}
