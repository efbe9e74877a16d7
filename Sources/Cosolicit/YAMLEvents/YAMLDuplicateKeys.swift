import CYaml

/// Finds every key given more than once in a YAML mapping, each with the place of its first occurrence, from
/// libyaml's event stream (Yams stops at the first mapping that repeats a key). The only file that uses libyaml
/// directly; it owns and frees the parser and every event, and hands back Swift values.
enum YAMLDuplicateKeys {
  /// A key given again: where, and where it was first given (1-based lines and columns).
  struct Repeat: Sendable, Equatable {
    var key: String
    var line: Int
    var column: Int
    var firstLine: Int
    var firstColumn: Int
  }

  /// An open collection: a mapping's keys so far and whether a key comes next, or a sequence.
  private struct Frame {
    var isMapping: Bool
    var keys: [String: (line: Int, column: Int)] = [:]
    var expectsKey = true
  }

  /// Every repeated key of the YAML document `text`, in document order; empty when the text does not parse
  /// (Yams reports that).
  static func find(in text: String) -> [Repeat] {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return [] }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(text.utf8)
    var repeats: [Repeat] = []
    var stack: [Frame] = []
    bytes.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        let type = event.type
        if type == YAML_STREAM_END_EVENT { break }
        switch type {
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
          // A collection is its parent mapping's value (or an unchecked complex key).
          if !stack.isEmpty, stack[stack.count - 1].isMapping { stack[stack.count - 1].expectsKey.toggle() }
          stack.append(Frame(isMapping: type == YAML_MAPPING_START_EVENT))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
          if !stack.isEmpty { stack.removeLast() }
        case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
          guard !stack.isEmpty, stack[stack.count - 1].isMapping else { continue }
          defer { stack[stack.count - 1].expectsKey.toggle() }
          guard stack[stack.count - 1].expectsKey, type == YAML_SCALAR_EVENT else { continue }
          let scalar = event.data.scalar
          let key = String(
            decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
          let place = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
          if let first = stack[stack.count - 1].keys[key] {
            repeats.append(
              Repeat(key: key, line: place.line, column: place.column, firstLine: first.line, firstColumn: first.column)
            )
          } else {
            stack[stack.count - 1].keys[key] = place
          }
        default: continue
        }
      }
    }
    return repeats
  }
}
