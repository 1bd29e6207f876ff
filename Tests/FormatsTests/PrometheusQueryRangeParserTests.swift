import Testing

@testable import Formats

@Suite("Prometheus query_range / query JSON")
struct PrometheusQueryRangeParserTests {
  private static let context = ParserContext(path: "api/query_range.json", options: ReadOptions())

  private static func parse(_ json: String) throws(FormatError) -> MetricDocument {
    try PrometheusQueryRangeParser.parse(Array(json.utf8), context: context)
  }

  @Test("a matrix gives one series per result and one sample per value, seconds turned into milliseconds")
  func matrix() throws {
    let document = try Self.parse(
      """
      {"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},"values":[[1435781430.781,"1"],[1435781445.781,"1"],[1435781460.781,"1"]]},
        {"metric":{"__name__":"up","job":"node","instance":"localhost:9091"},"values":[[1435781430.781,"0"],[1435781445.781,"0"],[1435781460.781,"1"]]}]}}
      """)
    #expect(document.series.count == 2)
    #expect(document.series.map(\.name) == ["up", "up"])
    #expect(document.series[0].label("job") == "prometheus")
    #expect(document.series[0].label("__name__") == nil)
    #expect(document.series[1].label("instance") == "localhost:9091")
    #expect(document.samples.count == 6)
    #expect(document.samples.map(\.series) == [0, 0, 0, 1, 1, 1])
    #expect(
      document.samples.map(\.time.milliseconds).prefix(3) == [
        1_435_781_430_781, 1_435_781_445_781, 1_435_781_460_781,
      ])
    #expect(document.samples.map(\.value) == [1, 1, 1, 0, 0, 1])
  }

  @Test("a vector gives one sample per series")
  func vector() throws {
    let document = try Self.parse(
      """
      {"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"mysql_global_status_threads_connected","instance":"db:9104"},"value":[1764212400,"151"]},
        {"metric":{"__name__":"mysql_global_variables_max_connections","instance":"db:9104"},"value":[1764212400,"151"]}]}}
      """)
    #expect(
      document.series.map(\.name) == [
        "mysql_global_status_threads_connected", "mysql_global_variables_max_connections",
      ])
    #expect(document.samples.map(\.time.milliseconds) == [1_764_212_400_000, 1_764_212_400_000])
    #expect(document.samples.map(\.value) == [151, 151])
  }

  @Test("values are strings that may be NaN, +Inf, -Inf or exponents; times round to the nearest millisecond")
  func valuesAndRounding() throws {
    let document = try Self.parse(
      """
      {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x"},
        "values":[[1435781430.7816,"NaN"],[1435781430.7814,"+Inf"],[1435781430.9996,"-Inf"],[1.5,"1.5e-3"]]}]}}
      """)
    let values = document.samples.map(\.value)
    #expect(values[0].isNaN)
    #expect(values[1] == .infinity)
    #expect(values[2] == -.infinity)
    #expect(values[3] == 0.0015)
    #expect(
      document.samples.map(\.time.milliseconds) == [
        1_435_781_430_782, 1_435_781_430_781, 1_435_781_431_000, 1_500,
      ])
  }

  @Test("kinds come from the name; a result without __name__ is named by its labels")
  func namesAndKinds() throws {
    let document = try Self.parse(
      """
      {"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"istio_requests_total","response_code":"503"},"value":[1,"4"]},
        {"metric":{"__name__":"istio_request_duration_milliseconds_bucket","le":"250"},"value":[1,"9"]},
        {"metric":{"__name__":"istio_request_duration_milliseconds_count"},"value":[1,"9"]},
        {"metric":{"__name__":"istio_request_duration_milliseconds_sum"},"value":[1,"900"]},
        {"metric":{"__name__":"odd_bucket"},"value":[1,"1"]},
        {"metric":{"__name__":"mysql_global_status_threads_connected"},"value":[1,"151"]},
        {"metric":{"source":"web","destination":"shipping"},"value":[1,"0.3"]},
        {"metric":{},"value":[1,"140"]}]}}
      """)
    #expect(
      document.series.map(\.kind) == [
        .counter, .histogram, .counter, .counter, .gauge, .gauge, .gauge, .gauge,
      ])
    #expect(document.series[6].name == "{destination=shipping,source=web}")
    #expect(document.series[6].label("destination") == "shipping")
    #expect(document.series[7].name == "{}")
  }

  @Test("an error status is a malformed document that carries the server's reason")
  func errorStatus() {
    let json = #"{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\""}"#
    #expect {
      try Self.parse(json)
    } throws: { error in
      guard case .malformedDocument(let path, _, let detail) = error as? FormatError else { return false }
      return path == Self.context.path && detail.contains("bad_data") && detail.contains("invalid parameter")
    }
  }

  private static let valid = Array(
    #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1435781430.781,"1"],[1435781445.5e1,"-2"]]}]}}"#
      .utf8)

  @Test("the byte scanner reads what the decoder reads, and leaves escapes and failures to it")
  func scannerAgreesWithDecoder() throws {
    let documents = [
      #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","job":"a"},"values":[[1435781430.781,"1"],[1435781445.781,"-1.5"]]},{"metric":{"job":"b"},"values":[[1435781430.781,"+Inf"],[1435781445.781,"2.5e3"]]},{"metric":{"__name__":"up","job":"a"},"values":[[1435781460.781,"0"]]}]},"warnings":["x"]}"#,
      "{\n  \"status\": \"success\",\n  \"data\": {\"resultType\": \"vector\", \"result\": [ {\"metric\": {}, \"value\": [ 1435781451.781, 7 ] } ]}\n}",
    ]
    for text in documents {
      let document = Array(text.utf8)
      let scanned = try #require(document.withUnsafeBytes(QueryResponseScanner.read), "\(text)")
      #expect(scanned == (try PrometheusQueryRangeParser.decoded(document, context: Self.context)))
    }
    let escaped = Array(
      #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"path":"C:\\x"},"values":[[1,"1"]]}]}}"#
        .utf8)
    #expect(escaped.withUnsafeBytes(QueryResponseScanner.read) == nil)
    #expect(
      try PrometheusQueryRangeParser.parse(escaped, context: Self.context).series.first?.label("path")
        == #"C:\x"#)
    let failed = Array(#"{"status":"error","errorType":"bad_data","error":"parse error"}"#.utf8)
    #expect(failed.withUnsafeBytes(QueryResponseScanner.read) == nil)
  }

  @Test("a document cut short anywhere is malformed at its end")
  func truncated() {
    for length in 1..<Self.valid.count {
      #expect(
        throws: FormatError.malformedDocument(
          path: Self.context.path, offset: length, detail: "not valid JSON")
      ) {
        try PrometheusQueryRangeParser.parse(Array(Self.valid[..<length]), context: Self.context)
      }
    }
  }

  @Test("a stray control byte is malformed at its own offset, inside or outside strings")
  func strayByte() {
    for position in 0..<Self.valid.count {
      var damaged = Self.valid
      damaged.insert(0x01, at: position)
      #expect(
        throws: FormatError.malformedDocument(
          path: Self.context.path, offset: position, detail: "not valid JSON")
      ) {
        try PrometheusQueryRangeParser.parse(damaged, context: Self.context)
      }
    }
  }

  @Test("a value that is not a number, or a shape that is not a result list, is a malformed document")
  func wrongShapes() {
    for json in [
      #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"one"]]}]}}"#,
      #"{"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}"#,
      #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[["x","1"]]}]}}"#,
      #"{"status":"success"}"#, #"{"data":{}}"#,
    ] {
      #expect(throws: FormatError.self, "\(json)") { try Self.parse(json) }
    }
  }

  @Test("recognises API responses by their first kilobyte, not other JSON")
  func recognition() {
    let accepted = [
      #"{"status":"success","data":{"resultType":"matrix","result":[]}}"#,
      #"{"status":"error","data":{}}"#,
    ]
    let rejected = [
      #"{"metric":{"__name__":"up"},"values":[0,0,0],"timestamps":[1549891472010,1549891487724,1549891503438]}"#,
      #"{"level":"error","time":1764649283657,"msg":"status check failed"}"#,
      String(repeating: " ", count: 1024) + #"{"status":"success","data":{}}"#,
    ]
    for json in accepted { #expect(Self.recognizes(json), "\(json)") }
    for json in rejected { #expect(!Self.recognizes(json), "\(json)") }
  }

  @Test("damaged documents are parsed or rejected with a FormatError, never a crash")
  func damagedDocuments() {
    let text = String(decoding: Self.valid, as: UTF8.self)
    for document in DamagedLines.variants(of: [text], seed: 0x150, count: 400) {
      _ = try? PrometheusQueryRangeParser.parse(document, context: Self.context)
      _ = document.withUnsafeBytes(PrometheusQueryRangeParser.recognizes)
    }
  }

  private static func recognizes(_ json: String) -> Bool {
    Array(json.utf8).withUnsafeBytes { PrometheusQueryRangeParser.recognizes(prefix: $0) }
  }
}
