/// Puts a year on dates written without one (BSD syslog's `Nov 27 03:00:01`).
///
/// With `--year`, that year, moving on by one when the months wrap from December to January. Without, the year
/// that puts each date at or before the file's last modification, which a log cannot postdate: a file written
/// until 2027-01-03 dates `Dec 31` in 2026 and `Jan 2` in 2027. A source with neither (standard input) has no
/// year to give, and its dates are reported rather than guessed.
struct YearlessDates {
  private enum Anchor {
    case given(year: Int)
    case modified(year: Int, month: Int, day: Int)
    case none
  }

  private let anchor: Anchor
  private var year = 0
  private var lastMonth = 0

  init(path: String, year: Int?) {
    if let year {
      anchor = .given(year: year)
      self.year = year
    } else if let modified = Timestamp.modification(ofFile: path)?.utcDate {
      anchor = .modified(year: modified.year, month: modified.month, day: modified.day)
    } else {
      anchor = .none
    }
  }

  /// Days since the epoch of `month`/`day`, nil when no year can be told.
  mutating func days(month: Int, day: Int) -> Int? {
    switch anchor {
    case .given:
      if lastMonth - month > 6 { year += 1 }
      lastMonth = month
      return CivilCalendar.days(year: year, month: month, day: day)
    case .modified(let year, let lastMonth, let lastDay):
      let later = (month, day) > (lastMonth, lastDay)
      return CivilCalendar.days(year: later ? year - 1 : year, month: month, day: day)
    case .none:
      return nil
    }
  }
}
