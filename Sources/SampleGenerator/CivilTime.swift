/// Epoch seconds as the calendar strings the sample formats need (UTC; Howard Hinnant's civil algorithms).
struct CivilTime {
  let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

  init(epochSeconds: Int64) {
    let days = epochSeconds >= 0 ? epochSeconds / 86400 : (epochSeconds - 86399) / 86400
    let secondsOfDay = Int(epochSeconds - days * 86400)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
    month = Int(mp < 10 ? mp + 3 : mp - 9)
    year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    hour = secondsOfDay / 3600
    minute = secondsOfDay / 60 % 60
    second = secondsOfDay % 60
  }

  static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) -> Int64
  {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return days * 86400 + Int64(hour * 3600 + minute * 60 + second)
  }

  /// `2026-11-27`
  var date: String { "\(year)-\(pad(month))-\(pad(day))" }
  /// `02:58:40`
  var clock: String { "\(pad(hour)):\(pad(minute)):\(pad(second))" }
  /// `2026-11-27T02:58:40Z`
  var rfc3339: String { "\(date)T\(clock)Z" }
  /// `27/Nov/2026:02:58:40 +0000` (nginx `$time_local` in UTC)
  var nginx: String {
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(pad(day))/\(names[month - 1])/\(year):\(clock) +0000"
  }
}

func pad(_ value: Int, _ width: Int = 2) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
