/// One application log event (a line, with any stack-trace lines that follow folded into it).
public struct LogEvent: Sendable, Equatable {
  public var time: Timestamp
  public var level: LogLevel
  /// Byte range of the message within the line, so the caller can mine its template without a copy.
  public var message: Range<Int>
  /// Byte range of the service the record itself names (a Loki stream's `app` label, a syslog app name, a
  /// `service` field); nil when only the path tells.
  public var service: Range<Int>?

  public init(time: Timestamp, level: LogLevel, message: Range<Int>, service: Range<Int>? = nil) {
    self.time = time
    self.level = level
    self.message = message
    self.service = service
  }
}
