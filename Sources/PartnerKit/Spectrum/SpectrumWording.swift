import Foundation

// Small prose helpers the spectrum engine's reasons and steps share.

extension SpectrumEngine {
    /// `s` with `prefix` replaced by `with` when it starts with it, unchanged otherwise.
    static func replacingPrefix(_ s: String, _ prefix: String, _ with: String) -> String {
        s.hasPrefix(prefix) ? with + s.dropFirst(prefix.count) : s
    }
}
