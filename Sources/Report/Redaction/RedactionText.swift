/// The data-quality sentence that says what redaction did, shared by `RCA.md`, `RCA.html` and nightly reports.
package enum RedactionText {
  package static func sentence(_ summary: RedactionSummary) -> String {
    guard summary.enabled else {
      return "Redaction: off (`--no-redact`); quoted lines are shown as read."
    }
    let scope = summary.ipAddresses ? "secrets, e-mail and IP addresses" : "secrets and e-mail addresses"
    guard summary.total > 0 else { return "Redaction: on (\(scope)); nothing needed masking." }
    let parts = summary.counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
      "\($0.value) \($0.key)"
    }
    return "Redaction: on (\(scope)); masked " + parts.joined(separator: ", ") + "."
  }
}
