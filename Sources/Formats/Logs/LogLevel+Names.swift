extension LogLevel {
  /// Reads a level name as logging frameworks write it, in any case: logback/log4j (`WARN`), monolog and syslog
  /// (`NOTICE`, `CRITICAL`, `EMERGENCY`), Python (`WARNING`), java.util.logging (`SEVERE`, `FINE`), Google
  /// Cloud (`DEFAULT`). Nil for anything else, so a parser can tell a level from a word.
  init?(name line: UnsafeRawBufferPointer, _ range: Range<Int>) {
    switch range.count {
    case 3:
      if line.equalsIgnoringCase(range, "err") { self = .error } else { return nil }
    case 4:
      if line.equalsIgnoringCase(range, "info") {
        self = .info
      } else if line.equalsIgnoringCase(range, "warn") {
        self = .warn
      } else if line.equalsIgnoringCase(range, "crit") {
        self = .fatal
      } else if line.equalsIgnoringCase(range, "fine") {
        self = .debug
      } else {
        return nil
      }
    case 5:
      if line.equalsIgnoringCase(range, "error") {
        self = .error
      } else if line.equalsIgnoringCase(range, "debug") {
        self = .debug
      } else if line.equalsIgnoringCase(range, "trace") {
        self = .trace
      } else if line.equalsIgnoringCase(range, "fatal") || line.equalsIgnoringCase(range, "panic")
        || line.equalsIgnoringCase(range, "alert") || line.equalsIgnoringCase(range, "emerg")
      {
        self = .fatal
      } else if line.equalsIgnoringCase(range, "finer") {
        self = .trace
      } else {
        return nil
      }
    case 6:
      if line.equalsIgnoringCase(range, "notice") {
        self = .info
      } else if line.equalsIgnoringCase(range, "severe") {
        self = .error
      } else if line.equalsIgnoringCase(range, "finest") {
        self = .trace
      } else {
        return nil
      }
    case 7:
      if line.equalsIgnoringCase(range, "warning") {
        self = .warn
      } else if line.equalsIgnoringCase(range, "default") {
        self = .info
      } else if line.equalsIgnoringCase(range, "verbose") {
        self = .trace
      } else {
        return nil
      }
    case 8:
      if line.equalsIgnoringCase(range, "critical") { self = .fatal } else { return nil }
    case 9:
      if line.equalsIgnoringCase(range, "emergency") { self = .fatal } else { return nil }
    default:
      return nil
    }
  }

  /// pino's and bunyan's numeric levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal; values in
  /// between count as the next named level up.
  init(numeric value: Int64) {
    switch value {
    case ...10: self = .trace
    case ...20: self = .debug
    case ...30: self = .info
    case ...40: self = .warn
    case ...50: self = .error
    default: self = .fatal
    }
  }
}
