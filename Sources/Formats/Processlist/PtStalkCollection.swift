/// What each file of a pt-stalk collection (`2026_11_29_02_15_13-<name>`, percona-toolkit's `collect.sh`) is,
/// so that a collection directory reads whole: the MySQL captures go to their parsers, `-vmstat` gives the
/// host's CPU, and the files Postmortem does not read (the other OS captures, pt-stalk's own notes) are named
/// and skipped rather than sniffed into a text log of a made-up service.
enum PtStalkCollection {
  enum Verdict: Equatable {
    /// Read as this format (sniffing skipped: the name says what the file is).
    case read(Format)
    /// Read by content, as any file: a capture whose form (table, `\G`, `-B`) the content tells.
    case sniff
    /// Not read; the reason names the file's kind.
    case skip(String)
  }

  /// The verdict for a path, nil when its name is not a pt-stalk file's.
  static func verdict(for path: String) -> Verdict? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let bytes = Array(name.utf8)
    guard bytes.count > 20, bytes[19] == ASCII.minus, isStamp(bytes) else { return nil }
    let suffix = String(name.dropFirst(20))
    if let known = known[suffix] { return known }
    if suffix.hasPrefix("innodbstatus") { return .read(.mysqlInnoDBStatus) }
    return .skip("pt-stalk's -\(suffix) is not a capture Postmortem reads")
  }

  /// `YYYY_MM_DD_HH_MM_SS`.
  private static func isStamp(_ bytes: [UInt8]) -> Bool {
    for (index, byte) in bytes.prefix(19).enumerated() {
      let isSeparator = [4, 7, 10, 13, 16].contains(index)
      if isSeparator ? byte != ASCII.underscore : !ASCII.isDigit(byte) { return false }
    }
    return true
  }

  private static let known: [String: Verdict] = {
    var verdicts: [String: Verdict] = [
      "processlist": .sniff, "mysqladmin": .sniff, "variables": .sniff, "log_error": .sniff,
      // `SHOW SLAVE STATUS\G`: no reader yet, so it is reported as a format not recognised.
      "slave-status": .sniff,
      "lock-waits": .read(.mysqlLockWaits), "vmstat": .read(.vmstat),
    ]
    let skipped: [String: String] = [
      "transactions": "InnoDB transactions from information_schema (read from -innodbstatus instead)",
      "trigger": "pt-stalk's note of what fired it",
      "output": "pt-stalk's own log", "hostname": "the host name", "iostat": "disk I/O",
      "iostat-overall": "disk I/O", "mpstat": "CPU per core", "mpstat-overall": "CPU per core",
      "vmstat-overall": "averages over the run", "top": "processes", "meminfo": "memory", "df": "disk space",
      "disk-space": "disk space", "netstat": "sockets", "netstat_s": "network counters", "ps": "processes",
      "procstat": "kernel counters", "procvmstat": "kernel counters", "diskstats": "disk counters",
      "interrupts": "interrupts", "sysctl": "kernel settings", "dmesg": "kernel messages",
      "lsof": "open files",
      "opentables1": "open tables", "opentables2": "open tables", "mutex-status1": "InnoDB mutexes",
      "mutex-status2": "InnoDB mutexes", "pmap": "memory map", "numastat": "NUMA counters",
      "slabinfo": "kernel slabs", "ndb-status": "NDB status", "tokudbstatus": "TokuDB status",
      "mysqladmin-overall": "status differences", "log_error-tail": "error log tail",
    ]
    for (suffix, kind) in skipped {
      verdicts[suffix] = .skip("pt-stalk's -\(suffix) (\(kind)) is not read")
    }
    return verdicts
  }()
}
