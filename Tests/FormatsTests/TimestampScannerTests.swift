import Foundation
import Testing

@testable import Formats

@Suite("Time stamps read from bytes")
struct TimestampScannerTests {
  private func dateTime(_ text: String, localOffsetSeconds: Int = 0) -> ScannedTime? {
    var text = text
    return text.withUTF8 {
      TimestampScanner.dateTime(
        in: UnsafeRawBufferPointer($0), at: 0, localOffsetSeconds: .fixed(seconds: localOffsetSeconds))
    }
  }

  private func milliseconds(_ text: String, localOffsetSeconds: Int = 0) -> Int64? {
    dateTime(text, localOffsetSeconds: localOffsetSeconds)?.timestamp.milliseconds
  }

  @Test("space-separated local time with milliseconds takes the given zone and says it assumed one")
  func springTwoTime() throws {
    let utc = try #require(dateTime("2019-10-31 15:07:52.928 ERROR"))
    #expect(utc.timestamp.milliseconds == 1_572_534_472_928)
    #expect(utc.hasZone == false)
    #expect(utc.end == 23)
    let oneHourEarlier: Int64 = 1_572_534_472_928 - 3_600_000
    #expect(milliseconds("2019-10-31 15:07:52.928", localOffsetSeconds: 3600) == oneHourEarlier)
  }

  @Test("a comma before the milliseconds reads like a point (logback's ISO8601 pattern)")
  func commaFraction() {
    #expect(milliseconds("2019-10-31 15:07:52,928") == 1_572_534_472_928)
  }

  @Test("ISO 8601 with Z, with ±hh:mm, ±hhmm and ±hh offsets")
  func zones() {
    #expect(milliseconds("2020-11-25T21:26:18.409Z") == 1_606_339_578_409)
    #expect(milliseconds("2024-08-22T23:11:38.365+09:00") == 1_724_335_898_365)
    #expect(milliseconds("2024-08-22T23:11:38.365+0900") == 1_724_335_898_365)
    #expect(milliseconds("2024-08-22T23:11:38.365+09") == 1_724_335_898_365)
    #expect(milliseconds("2024-09-03T19:14:17.550+03:00") == 1_725_380_057_550)
    #expect(milliseconds("2024-09-03T10:14:17.550-06:00") == 1_725_380_057_550)
    #expect(dateTime("2020-11-25T21:26:18.409Z")?.hasZone == true)
  }

  @Test("fractions of 1 to 9 digits read to the millisecond, truncated", arguments: 1...9)
  func fractionDigits(digits: Int) {
    let fraction = String("123456789".prefix(digits))
    let expected: Int64 = [0, 100, 120, 123, 123, 123, 123, 123, 123, 123][digits]
    #expect(milliseconds("1970-01-01T00:00:00.\(fraction)Z") == expected)
    #expect(dateTime("1970-01-01T00:00:00.\(fraction)Z")?.end == 21 + digits)
  }

  @Test("leap days exist in leap years only (every 4th, not every 100th, but every 400th)")
  func leapYears() {
    #expect(milliseconds("2024-02-29 12:00:00") == 1_709_208_000_000)
    #expect(milliseconds("2000-02-29 00:00:00") == 951_782_400_000)
    #expect(milliseconds("1600-02-29 00:00:00") == -11_670_998_400_000)
    #expect(dateTime("2023-02-29 00:00:00") == nil)
    #expect(dateTime("1900-02-29 00:00:00") == nil)
    #expect(dateTime("2100-02-29 00:00:00") == nil)
    #expect(milliseconds("2100-03-01 00:00:00") == 4_107_542_400_000)
  }

  @Test("out-of-range fields and broken shapes are refused")
  func invalid() {
    for text in [
      "2024-13-01 00:00:00", "2024-00-10 00:00:00", "2024-04-31 00:00:00", "2024-01-01 24:00:00",
      "2024-01-01 23:60:00", "2024-01-01 23:59:61", "2024-01-01_00:00:00", "24-01-01 00:00:00", "2024-01-01",
      "2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00+02:7", "",
    ] {
      #expect(dateTime(text) == nil, "\(text)")
    }
  }

  @Test("a separator not followed by a digit ends the time before it")
  func separatorWithoutFraction() {
    #expect(dateTime("2024-01-01 00:00:00, next")?.end == 19)
  }

  @Test("agrees with Foundation's calendar on 2,000 random instants between 1900 and 2200")
  func agreesWithFoundation() throws {
    var generator = SplitMix64(seed: 0x5EED)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    for _ in 0..<2000 {
      let seconds = Int64.random(in: -2_208_988_800...7_258_118_400, using: &generator)
      let text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
      #expect(milliseconds(text) == seconds * 1000, "\(text)")
    }
  }

  @Test("nginx $time_local with its offset, any month name case")
  func commonLog() throws {
    func read(_ text: String) -> ScannedTime? {
      var text = text
      return text.withUTF8 { TimestampScanner.commonLog(in: UnsafeRawBufferPointer($0), at: 0) }
    }
    #expect(read("26/Feb/2026:10:00:01 +0000")?.timestamp.milliseconds == 1_772_100_001_000)
    #expect(read("26/FEB/2026:12:00:01 +0200")?.timestamp.milliseconds == 1_772_100_001_000)
    #expect(read("26/Feb/2026:05:00:01 -0500")?.timestamp.milliseconds == 1_772_100_001_000)
    #expect(read("26/Feb/2026:10:00:01 +0000")?.end == 26)
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    var previous = Int64.min
    for month in months {
      let time = try #require(read("01/\(month)/2026:00:00:00 +0000")).timestamp.milliseconds
      #expect(time > previous)
      previous = time
    }
    #expect(read("26/Fab/2026:10:00:01 +0000") == nil)
    #expect(read("30/Feb/2026:10:00:01 +0000") == nil)
    #expect(read("26/Feb/2026:10:00:01") == nil)
  }

  @Test("epoch numbers: the unit follows from the number of integer digits")
  func epochUnits() {
    func read(_ text: String) -> Int64? {
      var text = text
      return text.withUTF8 {
        TimestampScanner.epoch(in: UnsafeRawBufferPointer($0), 0..<$0.count)?.milliseconds
      }
    }
    #expect(read("1764649283652") == 1_764_649_283_652)
    #expect(read("1764649283") == 1_764_649_283_000)
    #expect(read("1764649283.652") == 1_764_649_283_652)
    #expect(read("1700226034.3") == 1_700_226_034_300)
    #expect(read("1764649283652123") == 1_764_649_283_652)
    #expect(read("1569266497240578000") == 1_569_266_497_240)
    #expect(read("1764649283652.5") == nil)
    #expect(read("17646x") == nil)
    #expect(read("") == nil)
    #expect(read("99999999999999999999") == nil)
  }
}

/// A fixed-seed generator, so randomised tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
