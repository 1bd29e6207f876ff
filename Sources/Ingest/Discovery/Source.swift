/// One input to read: a file found on disk, standard input, or an entry of a tar archive.
public struct Source: Sendable, Hashable {
  /// The path as the user can find it again; reports cite it.
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// Standard input, named `-` on the command line.
  public static let standardInput = Source(path: "<stdin>")
}
