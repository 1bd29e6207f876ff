/// Decodes one source chunk by chunk, announcing each stream it holds as it begins and ends.
///
/// Only one thread at a time may use a cursor: decoding a stream is sequential by nature.
final class SourceCursor {
  enum Event {
    case begin(StreamInfo)
    case chunk(LineChunk)
    case end(StreamEnd)
  }

  let source: Source
  let sourceIndex: Int
  private let chunkSize: Int
  private let maximumLineLength: Int
  private var framer: LineFramer?
  private var stream: StreamInfo?
  private var openFault: IngestError?
  private var abandoned = false
  private var done = false

  init(source: Source, sourceIndex: Int, chunkSize: Int, maximumLineLength: Int) {
    self.source = source
    self.sourceIndex = sourceIndex
    self.chunkSize = chunkSize
    self.maximumLineLength = maximumLineLength
  }

  /// Compressed bytes consumed so far.
  var bytesRead: Int { framer?.bytesRead ?? 0 }

  /// Ends the current stream at the next call, undecoded beyond what was read.
  func abandonStream() {
    abandoned = true
  }

  /// The next event, or nil once the source is read.
  func next() -> Event? {
    if done { return nil }
    guard stream != nil else {
      do {
        let (compression, decoder) = try makeDecoder(path: source.path, inputBufferSize: 256 << 10)
        framer = LineFramer(
          path: source.path, decoder: decoder, chunkSize: chunkSize, maximumLineLength: maximumLineLength)
        return begin(compression)
      } catch {
        // A source that cannot be opened is still a stream: its end carries the reason.
        openFault = error
        return begin(.plain)
      }
    }
    if let openFault { return end(fault: openFault) }
    if abandoned { return end(fault: nil) }
    do {
      if let chunk = try framer?.next() { return .chunk(chunk) }
      return end(fault: nil)
    } catch {
      return end(fault: error)
    }
  }

  private func begin(_ compression: Compression) -> Event {
    let info = StreamInfo(source: source, compression: compression, sourceIndex: sourceIndex, entryIndex: 0)
    stream = info
    return .begin(info)
  }

  private func end(fault: IngestError?) -> Event {
    done = true
    return .end(
      StreamEnd(
        stream: stream!, bytesRead: framer?.bytesRead ?? 0, bytesDecoded: framer?.bytesDecoded ?? 0,
        warnings: framer?.warnings ?? [], fault: fault))
  }
}
