/// One input to read: a file found on disk (later also a tar entry or stdin).
public struct Source: Sendable, Hashable {
  /// The path as the user can find it again; reports cite it.
  public let path: String

  public init(path: String) {
    self.path = path
  }
}
