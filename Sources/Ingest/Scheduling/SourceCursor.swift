/// Decodes one source chunk by chunk, announcing each stream it holds as it begins and ends: the source
/// itself, or each regular file of a tar archive (compressed or not, holding files compressed or not).
///
/// Only one thread at a time may use a cursor: decoding a stream is sequential by nature.
final class SourceCursor {
  enum Event {
    case begin(StreamInfo)
    case chunk(LineChunk)
    case end(StreamEnd)
  }

  private enum State {
    case unopened
    /// Reading the stream `framer` frames; `archive` is where the next one comes from, if anywhere.
    case reading(archive: TarArchive?)
    /// Between two entries of an archive.
    case betweenEntries(TarArchive)
    case done
  }

  let source: Source
  let sourceIndex: Int
  private let chunkSize: Int
  private let maximumLineLength: Int
  private var state = State.unopened
  private var file: (any ByteStreamDecoder)?
  private var framer: LineFramer?
  private var stream: StreamInfo?
  private var streamCount = 0
  private var pending: Event?
  private var abandoned = false

  init(source: Source, sourceIndex: Int, chunkSize: Int, maximumLineLength: Int) {
    self.source = source
    self.sourceIndex = sourceIndex
    self.chunkSize = chunkSize
    self.maximumLineLength = maximumLineLength
  }

  /// Compressed bytes of the source consumed so far.
  var bytesRead: Int { file?.bytesConsumed ?? 0 }

  /// Ends the current stream at the next call, undecoded beyond what was read.
  func abandonStream() {
    abandoned = true
  }

  /// The next event, or nil once the source is read.
  func next() -> Event? {
    if let event = pending {
      pending = nil
      return event
    }
    switch state {
    case .unopened:
      return open()
    case .reading(let archive):
      if abandoned { return end(fault: nil, archive: archive) }
      do {
        if let chunk = try framer?.next() { return .chunk(chunk) }
        return end(fault: nil, archive: archive)
      } catch {
        return end(fault: error, archive: archive)
      }
    case .betweenEntries(let archive):
      return nextEntry(of: archive)
    case .done:
      return nil
    }
  }

  /// Opens the source and looks at its first decoded bytes for a tar header.
  private func open() -> Event? {
    let decoder: any ByteStreamDecoder
    let compression: Compression
    do {
      let input = BufferedInput(source: try FileDescriptorSource(path: source.path), bufferSize: 256 << 10)
      (compression, decoder) = try makeDecoder(input: input)
    } catch {
      // A source that cannot be opened is still a stream: its end carries the reason.
      state = .done
      let began = begin(source, .plain)
      pending = streamEnd(fault: error)
      return began
    }
    file = decoder
    // As large as the decoder's preferred output: a smaller first read would leave every later lz4 block
    // straddling the caller's buffers, decoded aside and copied (measured: a third more time on lz4 input).
    let decoded = BufferedInput(source: decoder, bufferSize: max(64 << 10, decoder.preferredChunkSize))
    decoded.fill(atLeast: TarHeader.blockSize)
    if TarHeader.startsArchive(decoded.window) {
      return nextEntry(of: TarArchive(path: source.path, input: decoded))
    }
    framer = makeFramer(PassThroughDecoder(decoded: decoded, from: decoder), path: source.path)
    state = .reading(archive: nil)
    return begin(source, compression)
  }

  private func nextEntry(of archive: TarArchive) -> Event? {
    do {
      guard let entry = try archive.nextEntry() else {
        state = .done
        return nil
      }
      let path = archive.entryPath(entry.name)
      let input = BufferedInput(source: TarEntrySource(archive: archive, path: path), bufferSize: 64 << 10)
      let (compression, decoder) = try makeDecoder(input: input)
      framer = makeFramer(decoder, path: path)
      state = .reading(archive: archive)
      return begin(Source(path: path), compression)
    } catch {
      // The archive cannot be read on: its fault ends a stream named after it.
      state = .done
      let began = begin(source, .plain)
      pending = streamEnd(fault: error)
      return began
    }
  }

  private func makeFramer(_ decoder: any ByteStreamDecoder, path: String) -> LineFramer {
    LineFramer(path: path, decoder: decoder, chunkSize: chunkSize, maximumLineLength: maximumLineLength)
  }

  private func begin(_ source: Source, _ compression: Compression) -> Event {
    let info = StreamInfo(
      source: source, compression: compression, sourceIndex: sourceIndex, entryIndex: streamCount)
    streamCount += 1
    stream = info
    return .begin(info)
  }

  /// Ends the current stream; an archive goes on to its next entry unless its own bytes failed.
  private func end(fault: IngestError?, archive: TarArchive?) -> Event {
    abandoned = false
    if let archive, !archive.broken {
      state = .betweenEntries(archive)
    } else {
      state = .done
    }
    return streamEnd(fault: fault)
  }

  private func streamEnd(fault: IngestError?) -> Event {
    let event = Event.end(
      StreamEnd(
        stream: stream!, bytesRead: framer?.bytesRead ?? 0, bytesDecoded: framer?.bytesDecoded ?? 0,
        warnings: framer?.warnings ?? [], fault: fault))
    framer = nil
    return event
  }
}
