import Testing

@testable import Formats

@Suite("RFC 3339 output and input")
struct TimestampRFC3339Tests {
  @Test("whole seconds print without a fraction, others with exactly three digits")
  func format() {
    #expect(Timestamp(milliseconds: 1_795_748_320_000).rfc3339 == "2026-11-27T02:58:40Z")
    #expect(Timestamp(milliseconds: 1_606_339_578_409).rfc3339 == "2020-11-25T21:26:18.409Z")
    #expect(Timestamp(milliseconds: 1_606_339_578_050).rfc3339 == "2020-11-25T21:26:18.050Z")
    #expect(Timestamp(milliseconds: 0).rfc3339 == "1970-01-01T00:00:00Z")
  }

  @Test("times before 1970 print the right day and a positive fraction")
  func beforeEpoch() {
    #expect(Timestamp(milliseconds: -1).rfc3339 == "1969-12-31T23:59:59.999Z")
    #expect(Timestamp(milliseconds: -2_203_891_200_000).rfc3339 == "1900-03-01T00:00:00Z")
  }

  @Test("reads Z and offsets, a space instead of T, long fractions")
  func parse() {
    #expect(Timestamp(rfc3339: "2026-11-27T02:58:40Z")?.milliseconds == 1_795_748_320_000)
    #expect(Timestamp(rfc3339: "2026-11-27T03:58:40+01:00")?.milliseconds == 1_795_748_320_000)
    #expect(Timestamp(rfc3339: "2026-11-27 02:58:40Z")?.milliseconds == 1_795_748_320_000)
    #expect(Timestamp(rfc3339: "2026-11-27T02:58:40.123456789Z")?.milliseconds == 1_795_748_320_123)
  }

  @Test("refuses a time without a zone, trailing text and non-times")
  func refuses() {
    #expect(Timestamp(rfc3339: "2026-11-27T02:58:40") == nil)
    #expect(Timestamp(rfc3339: "2026-11-27T02:58:40Z and more") == nil)
    #expect(Timestamp(rfc3339: "yesterday") == nil)
    #expect(Timestamp(rfc3339: "") == nil)
  }

  @Test("every printed time reads back to the same instant")
  func roundTrip() {
    var generator = SplitMix64(seed: 3339)
    for _ in 0..<5000 {
      let time = Timestamp(
        milliseconds: Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &generator))
      #expect(Timestamp(rfc3339: time.rfc3339) == time, "\(time.rfc3339)")
    }
  }
}
