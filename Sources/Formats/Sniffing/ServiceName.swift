/// PLACEHOLDER until the formats branch lands.
public enum ServiceName {
  public static func infer(fromPath path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.split(separator: "-").first.map { String($0).lowercased() }
  }
}
