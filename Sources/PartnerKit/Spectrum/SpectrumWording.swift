import Foundation

// Small prose helpers the spectrum engine's reasons and steps share.

extension SpectrumEngine {
    /// "a", "a and b", "a, b and c" (or another last word, such as "or").
    static func joinAnd(_ items: [String], _ word: String = "and") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(word) " + (items.last ?? "")
        }
    }

    /// `s` with `prefix` replaced by `with` when it starts with it, unchanged otherwise.
    static func replacingPrefix(_ s: String, _ prefix: String, _ with: String) -> String {
        s.hasPrefix(prefix) ? with + s.dropFirst(prefix.count) : s
    }
}
