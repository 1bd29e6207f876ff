import Testing

@testable import Analysis

@Suite("DB user to service mapping")
struct DependencyMapTests {
  @Test("exact names, then containment, never short accidental matches")
  func matching() {
    let services = ["cart", "ratings", "shipping", "web"]
    #expect(DependencyMap.match(user: "shipping", services: services) == "shipping")
    #expect(DependencyMap.match(user: "svc_ratings_rw", services: services) == "ratings")
    #expect(DependencyMap.match(user: "rdsadmin", services: services) == nil)
    #expect(DependencyMap.match(user: "db", services: ["db-proxy"]) == nil)
  }
}
