/// What the store remembers of the nights before the one being judged.
struct History: Sendable {
  struct TemplateSeen: Sendable, Equatable {
    var text: String
    var severity: String
    var count: Int
  }

  struct SignalSeen: Sendable, Equatable {
    var name: String
    var unit: String
    var role: String
    var mean: Double?
  }

  struct HourSample: Sendable, Equatable {
    var hourOfDay: Int
    var weekday: Int
    var mean: Double
  }

  /// The nights looked back on, newest first.
  var nights: [String]
  /// Templates (`service|id`) of every earlier night in the store, not only those looked back on.
  var everSeenTemplates: Set<String>
  var templates: [String: [String: TemplateSeen]]
  var signals: [String: [String: SignalSeen]]
  /// Hourly means of the signals asked for, over the nights looked back on.
  var hours: [String: [HourSample]]

  static func templateKey(service: String, id: String) -> String { service + "|" + id }
}
