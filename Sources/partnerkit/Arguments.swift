import PartnerKit

/// A small table-driven argument parser in the manner of swift-driver's `OptionParsing`:
/// every option is declared once as data, parsing walks the arguments by index, and each
/// error names the argument at fault. Usage errors exit with status 2.

/// One option a command accepts.
struct OptionSpec: Sendable {
    enum Kind: Sendable { case flag, value(String) }
    var name: String
    var kind: Kind
    var help: String
    var repeatable = false

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, help: help)
    }
    static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false)
        -> OptionSpec
    {
        OptionSpec(name: name, kind: .value(valueName), help: help, repeatable: repeatable)
    }

    var takesValue: Bool {
        if case .value = kind { return true }
        return false
    }
    var display: String {
        switch kind {
        case .flag: name
        case .value(let v): "\(name) \(v)"
        }
    }
}

/// Options every command takes.
enum CommonOptions {
    static let workspace = OptionSpec.value(
        "--workspace", "DIR", "the workspace folder (default: the current folder)")
    static let asOf = OptionSpec.value(
        "--as-of", "YYYY-MM-DD", "the date that \"today\" means (default: the real date)")
    static let help = OptionSpec.flag("--help", "show this help")
    static let noColor = OptionSpec.flag("--no-color", "never colour the output (also: NO_COLOR=1)")
    static let includeContacts = OptionSpec.flag(
        "--include-contacts", "show people's email and phone (private; off by default)")
    static func format(_ formats: [String]) -> OptionSpec {
        .value("--format", formats.joined(separator: "|"), "output format (default: \(formats[0]))")
    }
}

struct UsageError: Error {
    var message: String
}

/// The parsed arguments of one command.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String, range: ClosedRange<Int> = 1...1_000_000) throws -> Int? {
        guard let v = value(name) else { return nil }
        guard let i = Int(v), range.contains(i) else {
            throw UsageError(
                message:
                    "\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(v)\""
            )
        }
        return i
    }

    func number(_ name: String, range: ClosedRange<Double>) throws -> Double? {
        guard let v = value(name) else { return nil }
        guard let d = Double(v), d.isFinite, range.contains(d) else {
            throw UsageError(
                message:
                    "\(name) takes a number from \(range.lowerBound) to \(range.upperBound), not \"\(v)\"")
        }
        return d
    }
}

enum ArgumentParser {
    /// Parses `args` against `options`. `--name=value` and `--name value` are both accepted;
    /// `--` ends the options.
    static func parse(_ args: [String], options: [OptionSpec]) throws -> ParsedArguments {
        var result = ParsedArguments()
        let table = Dictionary(options.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositionals || !a.hasPrefix("-") || a == "-" {
                result.positionals.append(a)
                continue
            }
            if a == "--" {
                onlyPositionals = true
                continue
            }
            var name = a
            var inline: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = table[name] else {
                let known = options.map(\.name)
                let near = nearest(name, in: known, maxDistance: 3)
                var msg = "unknown option \(name)"
                if let near { msg += " (did you mean \(near)?)" }
                throw UsageError(message: msg)
            }
            if spec.takesValue {
                let v: String
                if let inline {
                    v = inline
                } else {
                    guard i < args.count else {
                        throw UsageError(message: "\(name) needs a value (\(spec.display))")
                    }
                    v = args[i]
                    i += 1
                }
                if !spec.repeatable, result.values[name] != nil {
                    throw UsageError(message: "\(name) given twice")
                }
                result.values[name, default: []].append(v)
            } else {
                if inline != nil { throw UsageError(message: "\(name) takes no value") }
                result.flags.insert(name)
            }
        }
        return result
    }
}
