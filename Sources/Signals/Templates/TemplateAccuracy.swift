/// Grouping and parsing accuracy of mined templates against an oracle, as the Loghub-2.0 evaluation defines
/// them.
package enum TemplateAccuracy {
  /// GA: the share of lines whose predicted group (lines with the same predicted template) is exactly their
  /// oracle group.
  package static func grouping(predicted: [String], truth: [String]) -> Double {
    precondition(predicted.count == truth.count)
    guard !truth.isEmpty else { return 1 }
    var predictedGroups: [String: Int] = [:]
    var truthGroups: [String: Int] = [:]
    var pairs: [[String]: Int] = [:]
    for (mine, theirs) in zip(predicted, truth) {
      predictedGroups[mine, default: 0] += 1
      truthGroups[theirs, default: 0] += 1
      pairs[[mine, theirs], default: 0] += 1
    }
    var correct = 0
    for (pair, count) in pairs where predictedGroups[pair[0]] == count && truthGroups[pair[1]] == count {
      correct += count
    }
    return Double(correct) / Double(truth.count)
  }

  /// PA: the share of lines whose predicted template equals the oracle's after `LoghubTemplateRules`.
  package static func parsing(predicted: [String], truth: [String]) -> Double {
    precondition(predicted.count == truth.count)
    guard !truth.isEmpty else { return 1 }
    var corrected: [String: String] = [:]
    func correct(_ template: String) -> String {
      if let known = corrected[template] { return known }
      let value = LoghubTemplateRules.correct(template)
      corrected[template] = value
      return value
    }
    let equal = zip(predicted, truth).filter { correct($0) == correct($1) }.count
    return Double(equal) / Double(truth.count)
  }
}
