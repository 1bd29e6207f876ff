// PLACEHOLDER until the formats branch lands.
extension Timestamp {
  public var rfc3339: String {
    let seconds = milliseconds / 1000
    let days = seconds / 86400
    let rem = seconds % 86400
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365*yoe + yoe/4 - yoe/100)
    let mp = (5*doy + 2)/153
    let d = doy - (153*mp+2)/5 + 1
    let m = mp < 10 ? mp+3 : mp-9
    func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(m <= 2 ? y + 1 : y)-\(two(m))-\(two(d))T\(two(rem/3600)):\(two(rem/60%60)):\(two(rem%60))Z"
  }
}
