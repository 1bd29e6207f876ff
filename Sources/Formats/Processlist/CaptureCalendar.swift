/// Civil (proleptic Gregorian) dates to days since 1970-01-01, for the wall-clock times that capture tools
/// write into file names (`2026_11_27_03_00_00-processlist`).
enum CaptureCalendar {
  /// Days from 1970-01-01 to `year-month-day` (negative before it); Howard Hinnant's `days_from_civil`.
  static func days(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Whether the fields name a real date and time of day (a leap second's `:60` allowed).
  static func isValid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
    guard (1...12).contains(month), day >= 1, hour < 24, minute < 60, second <= 60 else { return false }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthDays = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= monthDays[month - 1]
  }
}
