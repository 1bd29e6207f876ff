import Formats
import Ingest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which service a source's logs belong to: `--service GLOB=NAME` first, then what the records name
/// (a Loki label, a syslog app), then the path (`…/shipping/…`, `shipping-7d9f8c-abcde.log`).
public struct ServiceNaming: Sendable {
  public struct Rule: Sendable, Equatable {
    public var pattern: String
    public var service: String

    /// `GLOB=NAME`; nil when either side is empty.
    public init?(_ text: String) {
      guard let equals = text.lastIndex(of: "="), equals != text.startIndex,
        text.index(after: equals) != text.endIndex
      else { return nil }
      pattern = String(text[..<equals])
      service = String(text[text.index(after: equals)...])
    }
  }

  public var rules: [Rule]

  public init(rules: [Rule] = []) {
    self.rules = rules
  }

  /// The service the first matching rule gives a source: a pattern with `/` is matched against the whole
  /// path (`*` matching `/` too), one without against the file's name.
  public func override(for source: Source) -> String? {
    let path = source.path
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return rules.first { fnmatch($0.pattern, $0.pattern.contains("/") ? path : name, 0) == 0 }?.service
  }

  /// The service of the logs of `source` whose records name none.
  func service(of source: Source) -> String {
    override(for: source) ?? ServiceName.infer(fromPath: source.path) ?? "unknown"
  }
}
