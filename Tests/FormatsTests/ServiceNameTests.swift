import Testing

@testable import Formats

@Suite("Service name from a path")
struct ServiceNameTests {
  @Test(
    "pods, containers, compression and rotation suffixes",
    arguments: [
      ("logs/shipping/shipping-6c8d9f7b54-2xkqp.log.gz", "shipping"),
      ("istio/ratings-5f7c9b8d4-k2x7p-istio-proxy.log.lz4", "ratings"),
      ("istio/ratings-5f7c9b8d4-k2x7p_istio-proxy.log", "ratings"),
      ("cart/app.log", "cart"),
      ("cart/logs/app.log.1", "cart"),
      ("evidence/mysql-0.log", "mysql"),
      ("evidence/Shipping.LOG", "shipping"),
      ("catalogue.log.2024-06-18.gz", "catalogue"),
      ("web-access.log-20240618.zst", "web"),
      ("/var/log/containers/user-7b9c5d6f48-xq2lz_robot-shop_user-0123abcd.log", "user"),
      ("/var/log/pods/robot-shop_payment-5d9f7c8b64-p4z2k_0f1e/payment/0.log", "payment"),
      ("dispatch-istio-proxy.txt", "dispatch"),
      ("logs/order-service.log", "order-service"),
      ("node-exporter.log", "node-exporter"),
      ("logs/shipping/shipping-7d9f8c6b5a-x2k4m.log.gz", "shipping"),
      ("logs/fluentd-x7k2p.log", "fluentd"),
      ("logs/payment-fixes.log", "payment-fixes"),
    ])
  func infer(path: String, expected: String) {
    #expect(ServiceName.infer(fromPath: path) == expected)
  }

  @Test("a generic name with no usable parent has no service")
  func generic() {
    #expect(ServiceName.infer(fromPath: "app.log") == nil)
    #expect(ServiceName.infer(fromPath: "/var/log/stdout") == nil)
    #expect(ServiceName.infer(fromPath: "") == nil)
  }
}
