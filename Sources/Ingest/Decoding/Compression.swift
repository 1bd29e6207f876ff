/// How a source's bytes are compressed, decided by its magic bytes, never by its name.
public enum Compression: String, Sendable, CaseIterable, Codable {
  case gzip
  case lz4
  case plain
}
