/// The method and path of an access log's request line, `GET /api/orders/7?x=1 HTTP/1.1`, as byte ranges.
enum AccessRequestLine {
  @inline(__always)
  static func parts(of range: Range<Int>, in line: UnsafeRawBufferPointer) -> (
    method: Range<Int>?, path: Range<Int>?
  ) {
    guard let space = line.index(of: 0x20, from: range.lowerBound, to: range.upperBound),
      space > range.lowerBound
    else { return (nil, nil) }
    let pathStart = space + 1
    let pathEnd = line.index(of: 0x20, from: pathStart, to: range.upperBound) ?? range.upperBound
    return (range.lowerBound..<space, pathStart < pathEnd ? pathStart..<pathEnd : nil)
  }
}
