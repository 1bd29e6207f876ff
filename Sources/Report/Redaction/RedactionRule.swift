/// One shape of secret or personal data that reports must not quote, with a line that shows it.
///
/// The table is data: a new token shape is a new row with its own example, and `RedactionRuleTests` checks
/// that every example is rewritten into its `redacted` form by its own row and is left alone by every other.
/// Replacements keep the text around the secret (`password=‹redacted›`), so a masked line still reads as the
/// same kind of line and log templates stay the same.
package struct RedactionRule: Sendable {
  /// A short name for the data-quality count (`password`, `e-mail`).
  package let name: String
  /// An ICU-style regular expression; `$1`, `$2` in `replacement` are its capture groups.
  package let pattern: String
  package let replacement: String
  /// Off unless asked for (`--redact ips`): addresses are usually what an incident is about.
  package let optional: Bool
  /// Text a line must contain (compared in lower case) for the rule to be tried at all: most quoted lines
  /// hold no secret, and a substring test is far cheaper than the expression.
  package let triggers: [String]
  package let example: String
  package let redacted: String

  /// The marker that takes the place of a secret.
  package static let marker = "‹redacted›"

  static let keyTriggers = ["pass", "pwd", "secret", "token", "key", "credential", "session", "auth"]

  /// Key names whose values are secrets, in key=value, `key: value` and JSON (`"key": "value"`) form.
  static let secretKeys =
    "[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|"
    + "credentials?|session[_-]?id|auth[_-]?token)"

  /// Applied in this order: whole blocks and URLs before the key=value forms that could match inside them.
  package static let table: [RedactionRule] = [
    RedactionRule(
      name: "private key",
      pattern: "(?s)-----BEGIN ([A-Z ]*)PRIVATE KEY-----(?!‹)(?:.*?-----END [A-Z ]*PRIVATE KEY-----|.*$)",
      replacement: "-----BEGIN $1PRIVATE KEY-----\(marker)-----END $1PRIVATE KEY-----", optional: false,
      triggers: ["private key"],
      example:
        "key loaded: -----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA7bq9-----END RSA PRIVATE KEY----- ok",
      redacted: "key loaded: -----BEGIN RSA PRIVATE KEY-----\(marker)-----END RSA PRIVATE KEY----- ok"),
    RedactionRule(
      name: "URL password", pattern: "\\b([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]+):(?!‹)[^@/\\s]+@",
      replacement: "$1:\(marker)@", optional: false,
      triggers: ["://"],
      example: "connecting to postgres://app:s3cr3t@db.internal:5432/orders",
      redacted: "connecting to postgres://app:\(marker)@db.internal:5432/orders"),
    RedactionRule(
      name: "bearer token", pattern: "\\b(Bearer|Basic)\\s+[A-Za-z0-9\\-._~+/]{8,}=*",
      replacement: "$1 \(marker)", optional: false,
      triggers: ["bearer", "basic"],
      example: "Authorization: Bearer 8f2a9c1d7e4b6a3f0c5d", redacted: "Authorization: Bearer \(marker)"),
    RedactionRule(
      name: "JWT", pattern: "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}",
      replacement: marker, optional: false,
      triggers: ["eyj"],
      example:
        "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      redacted: "session \(marker)"),
    RedactionRule(
      name: "JSON secret", pattern: "(?i)(\"\(secretKeys)\"\\s*:\\s*\")(?!‹)(?:[^\"\\\\]|\\\\.)*\"",
      replacement: "$1\(marker)\"", optional: false,
      triggers: keyTriggers,
      example: "{\"user\":\"bob\",\"password\":\"hunter2\",\"ok\":true}",
      redacted: "{\"user\":\"bob\",\"password\":\"\(marker)\",\"ok\":true}"),
    RedactionRule(
      name: "key=value secret", pattern: "(?i)\\b(\(secretKeys)\\s*[=:]\\s*)([\"']?)(?!‹)[^\\s\"'&,;)\\]}]+",
      replacement: "$1$2\(marker)", optional: false,
      triggers: keyTriggers,
      example: "login failed user=bob password=hunter2 from web",
      redacted: "login failed user=bob password=\(marker) from web"),
    RedactionRule(
      name: "AWS access key", pattern: "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", replacement: marker,
      optional: false,
      triggers: ["akia", "asia"],
      example: "using credentials AKIAIOSFODNN7EXAMPLE for s3",
      redacted: "using credentials \(marker) for s3"),
    RedactionRule(
      name: "API key",
      pattern:
        "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|xox[abprs]-[A-Za-z0-9-]{10,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|"
        + "AIza[0-9A-Za-z_-]{35}|sk-[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20})",
      replacement: marker, optional: false,
      triggers: ["gh", "xox", "k_live_", "k_test_", "aiza", "sk-", "glpat-"],
      example: "webhook posted with ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 at 03:00",
      redacted: "webhook posted with \(marker) at 03:00"),
    RedactionRule(
      name: "e-mail address",
      pattern: "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b",
      replacement: "\(marker)@\(marker)", optional: false,
      triggers: ["@"],
      example: "order 1042 confirmation sent to jane.doe+shop@example.co.uk",
      redacted: "order 1042 confirmation sent to \(marker)@\(marker)"),
    RedactionRule(
      name: "IP address",
      pattern:
        "\\b(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}\\b",
      replacement: marker, optional: true,
      triggers: ["."],
      example: "upstream 10.44.0.7 timed out", redacted: "upstream \(marker) timed out"),
  ]
}
