/// Which service is which database client: inferred from names, since a DB user is usually named for the
/// service that owns it (`shipping` ↔ `shipping`, `svc_ratings` ↔ `ratings`).
struct DependencyMap {
  /// DB user → service, for users whose service could be identified.
  private(set) var serviceForUser: [String: String] = [:]

  init(services: [String], databaseUsers: [String]) {
    for user in databaseUsers {
      if let service = Self.match(user: user, services: services) { serviceForUser[user] = service }
    }
  }

  /// Services that connect to the database.
  var clients: Set<String> { Set(serviceForUser.values) }

  /// The service for `user`, or nil when no service name matches it.
  func service(forUser user: String) -> String? { serviceForUser[user] }

  /// Exact match first, then the longest service name contained in the user name (or vice versa), at least
  /// three characters long so `db` or `app` match nothing by accident.
  static func match(user: String, services: [String]) -> String? {
    let user = user.lowercased()
    if let exact = services.first(where: { $0.lowercased() == user }) { return exact }
    let candidates = services.filter { service in
      let name = service.lowercased()
      return name.count >= 3 && (user.contains(name) || (user.count >= 3 && name.contains(user)))
    }
    return candidates.max { ($0.count, $1) < ($1.count, $0) }
  }
}
