/// The ways logs write a time stamp, each with an example as a log writes it and the instant it stands for
/// (times without a zone are read as UTC, times without a year in 2026). `TimeShapes` reads them all from bytes;
/// a test reads every example and checks that it is read as its own shape only.
///
/// A zone may follow any shape that has none of its own: attached (`Z`, `+02:00`, `-0700`) or after a blank
/// (`-0700`, `PDT`, see `ZoneAbbreviations`), and a 12-hour clock's ` AM`/` PM`.
enum TimeShape: CaseIterable, Sendable {
  /// ISO 8601 / RFC 3339 and the `yyyy-MM-dd HH:mm:ss,SSS` of logback, log4j and Python.
  case iso
  /// Go's `log`, nginx's error log, Java Service Wrapper: `yyyy/MM/dd HH:mm:ss`.
  case slashed
  /// glog with a year, Robot Framework: `yyyyMMdd HH:mm:ss.SSS`.
  case compact
  /// Apache, nginx, HAProxy (with a fraction) and Werkzeug (with a blank): `dd/MMM/yyyy:HH:mm:ss ±zzzz`.
  case commonLog
  /// Redis: `dd MMM yyyy HH:mm:ss.SSS`, and without the year (Redis 2.x).
  case dayMonthName
  /// US dates, OpenAM: `MM/dd/yyyy hh:mm:ss:SSS PM UTC`.
  case usDate
  /// Spark, Hadoop's log4j default: `yy/MM/dd HH:mm:ss`.
  case shortSlashed
  /// MySQL's slow log before 5.7 (`yyMMdd HH:mm:ss`) and HDFS (`yyMMdd HHmmss`).
  case shortCompact
  /// Android logcat (`MM-dd HH:mm:ss.SSS`) and Proxifier (`MM.dd HH:mm:ss`): no year.
  case monthDay
  /// glog and klog: `MMdd HH:mm:ss.SSSSSS` after the level letter; no year.
  case glog
  /// `date(1)`, Apache's error log, uWSGI, SSSD: `EEE MMM d HH:mm:ss[.SSS] [zone] yyyy`.
  case weekday
  /// BSD syslog (`MMM d HH:mm:ss`) and Nextflow (`MMM-dd HH:mm:ss.SSS`): no year.
  case monthName
  /// strace -ttt and similar: seconds since the epoch with a fraction, `1695668091.895450`.
  case epochFraction

  var example: (text: StaticString, utc: StaticString) {
    switch self {
    case .iso: ("2025-08-13 01:45:01.127 PDT", "2025-08-13T08:45:01.127Z")
    case .slashed: ("2015/05/24 07:48:21 -05:00", "2015-05-24T12:48:21Z")
    case .compact: ("20200308 23:47:32.089828", "2020-03-08T23:47:32.089Z")
    case .commonLog: ("26/Feb/2019:23:08:47.266 +0100", "2019-02-26T22:08:47.266Z")
    case .dayMonthName: ("29 Aug 2023 13:47:38.984", "2023-08-29T13:47:38.984Z")
    case .usDate: ("06/09/2014 02:49:59:447 PM UTC", "2014-06-09T14:49:59.447Z")
    case .shortSlashed: ("17/06/09 20:10:52", "2017-06-09T20:10:52Z")
    case .shortCompact: ("081111 101735", "2008-11-11T10:17:35Z")
    case .monthDay: ("05-26 11:18:41.509", "2026-05-26T11:18:41.509Z")
    case .glog: ("0517 15:04:22.619632", "2026-05-17T15:04:22.619Z")
    case .weekday: ("Sat Apr 27 03:33:07 PDT 2013", "2013-04-27T10:33:07Z")
    case .monthName: ("Mar-18 21:41:15.684", "2026-03-18T21:41:15.684Z")
    case .epochFraction: ("1743339613.560493", "2025-03-30T13:00:13.560Z")
    }
  }
}
