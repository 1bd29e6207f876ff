#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A validator for the part of JSON Schema (draft 2020-12) that `Schema/rca.schema.json` uses: `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `enum`, `minimum`, `maximum`, `pattern`,
/// `oneOf`, `anyOf` and local `$ref`s into `$defs`. A schema using any other keyword is refused rather than
/// half-checked, so the subset cannot silently drift from the schema.
package struct JSONSchemaSubset {
  private let root: [String: JSONValue]

  static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
  static let keywords: Set<String> = [
    "type", "properties", "required", "additionalProperties", "items", "enum", "minimum", "maximum",
    "pattern",
    "oneOf", "anyOf", "$ref",
  ]

  package init(schema: Data) throws {
    guard let root = try JSONDecoder().decode(JSONValue.self, from: schema).object else {
      throw SchemaError.notAnObject
    }
    self.root = root
  }

  package enum SchemaError: Error, Equatable {
    case notAnObject
    case unsupported(keyword: String, at: String)
    case badReference(String)
  }

  /// Every violation of `document` (JSON bytes), as `path: problem`; empty when it conforms.
  package func violations(of document: Data) throws -> [String] {
    let value = try JSONDecoder().decode(JSONValue.self, from: document)
    var problems: [String] = []
    try check(value, against: root, at: "$", problems: &problems)
    return problems
  }

  private func check(
    _ value: JSONValue, against schema: [String: JSONValue], at path: String, problems: inout [String]
  ) throws {
    for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
      throw SchemaError.unsupported(keyword: key, at: path)
    }
    if let reference = schema["$ref"]?.string {
      let prefix = "#/$defs/"
      guard reference.hasPrefix(prefix),
        let target = root["$defs"]?.object?[String(reference.dropFirst(prefix.count))]?.object
      else { throw SchemaError.badReference(reference) }
      try check(value, against: target, at: path, problems: &problems)
    }
    if let types = schema["type"] {
      let allowed = types.array?.compactMap(\.string) ?? [types.string ?? ""]
      if !allowed.contains(where: { Self.matches(value, type: $0) }) {
        problems.append(
          "\(path): expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))")
        return
      }
    }
    if let options = schema["enum"]?.array, !options.contains(value) {
      problems.append("\(path): \(Self.describe(value)) is not one of the allowed values")
    }
    if let number = value.number {
      if let minimum = schema["minimum"]?.number, number < minimum {
        problems.append("\(path): \(number) < \(minimum)")
      }
      if let maximum = schema["maximum"]?.number, number > maximum {
        problems.append("\(path): \(number) > \(maximum)")
      }
    }
    if let pattern = schema["pattern"]?.string, let text = value.string,
      (try Regex(pattern).firstMatch(in: text)) == nil
    {
      problems.append("\(path): \"\(text)\" does not match \(pattern)")
    }
    for (keyword, needed) in [("oneOf", 1...1), ("anyOf", 1...Int.max)] {
      guard let branches = schema[keyword]?.array else { continue }
      var passing = 0
      for branch in branches.compactMap(\.object) {
        var branchProblems: [String] = []
        try check(value, against: branch, at: path, problems: &branchProblems)
        if branchProblems.isEmpty { passing += 1 }
      }
      if !needed.contains(passing) {
        problems.append("\(path): matches \(passing) of the \(keyword) branches")
      }
    }
    if let object = value.object {
      let properties = schema["properties"]?.object ?? [:]
      for name in schema["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
        problems.append("\(path): missing required key \(name)")
      }
      for (name, member) in object.sorted(by: { $0.key < $1.key }) {
        if let property = properties[name]?.object {
          try check(member, against: property, at: path + "." + name, problems: &problems)
        } else if let additional = schema["additionalProperties"] {
          if additional == .boolean(false) {
            problems.append("\(path): unexpected key \(name)")
          } else if let additional = additional.object {
            try check(member, against: additional, at: path + "." + name, problems: &problems)
          }
        }
      }
    }
    if let array = value.array, let items = schema["items"]?.object {
      for (index, element) in array.enumerated() {
        try check(element, against: items, at: "\(path)[\(index)]", problems: &problems)
      }
    }
  }

  private static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("object", .object), ("array", .array), ("string", .string), ("boolean", .boolean),
      ("number", .number),
      ("null", .null):
      true
    case ("integer", .number(let number)): number == number.rounded()
    default: false
    }
  }

  private static func describe(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): "\"\(text.prefix(40))\""
    case .boolean(let flag): "\(flag)"
    case .number(let number): "\(number)"
    case .array: "an array"
    case .object: "an object"
    case .null: "null"
    }
  }
}
