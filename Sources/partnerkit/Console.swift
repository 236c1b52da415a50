import Foundation
import PartnerKit

/// Where the tool's output goes. Colour only when the stream is a terminal, never when
/// `NO_COLOR` is set or `--no-color` given.
struct Console {
    var colorOut: Bool
    var colorErr: Bool

    init(noColor: Bool) {
        let env = ProcessInfo.processInfo.environment
        let allowed = !noColor && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        colorOut = allowed && isatty(STDOUT_FILENO) == 1
        colorErr = allowed && isatty(STDERR_FILENO) == 1
    }

    func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    func err(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }

    private func paint(_ s: String, _ code: String, _ on: Bool) -> String {
        on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    /// Prints diagnostics compiler-style to standard error, with hints indented below.
    func report(_ diagnostics: [Diagnostic]) {
        var text = ""
        for d in diagnostics {
            let sev: String
            switch d.severity {
            case .error: sev = paint("error:", "1;31", colorErr)
            case .warning: sev = paint("warning:", "1;33", colorErr)
            case .note: sev = paint("note:", "1;36", colorErr)
            }
            text += "\(paint(d.prefix, "1", colorErr)) \(sev) \(d.message)\n"
            if let h = d.hint { text += "    hint: \(h)\n" }
        }
        err(text)
    }

    func usageError(_ message: String, usage: String, command: String?) {
        let label = paint("error:", "1;31", colorErr)
        let more = command.map { "partnerkit \($0) --help" } ?? "partnerkit --help"
        err("partnerkit: \(label) \(message)\n\(usage)\nSee '\(more)'.\n")
    }

    func bold(_ s: String) -> String { paint(s, "1", colorOut) }
    func dim(_ s: String) -> String { paint(s, "2", colorOut) }
    func green(_ s: String) -> String { paint(s, "32", colorOut) }
    func yellow(_ s: String) -> String { paint(s, "33", colorOut) }
    func red(_ s: String) -> String { paint(s, "31", colorOut) }
}
