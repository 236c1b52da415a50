import Foundation
import PartnerKit

let version = "0.1.0"

let commands: [Command] = [
    Commands.initCommand, Commands.check, Commands.score, Commands.vet, Commands.spectrum, Commands.introduce,
    Commands.path, Commands.network, Commands.review, Commands.survey, Commands.importCommand,
    Commands.calibrate, Commands.add, Commands.log, Commands.done, Commands.result, Commands.status,
    Commands.history,
]

func topLevelHelp() -> String {
    var s = """
        partnerkit \(version): partnership assessment and matching for public libraries

        Usage: partnerkit COMMAND [options]

        Commands:

        """
    let width = (commands.map(\.name.count).max() ?? 8) + 2
    for c in commands {
        s += "  \(c.name)\(String(repeating: " ", count: width - c.name.count))\(c.summary)\n"
    }
    s += """

        Every command takes --workspace DIR (default: the current folder), --format, --as-of
        YYYY-MM-DD and --help. Exit status: 0 success, 1 input errors, 2 bad usage.
        Try: partnerkit check --workspace Data/sample

        """
    return s
}

func run(_ argv: [String]) -> Int32 {
    let probeConsole = Console(noColor: argv.contains("--no-color"))
    guard let first = argv.first else {
        probeConsole.err(topLevelHelp())
        return Exit.usage
    }
    if first == "--help" || first == "-h" || first == "help" {
        if first == "help", argv.count > 1, let c = commands.first(where: { $0.name == argv[1] }) {
            probeConsole.out(c.help)
        } else {
            probeConsole.out(topLevelHelp())
        }
        return Exit.success
    }
    if first == "--version" {
        probeConsole.out("partnerkit \(version)\n")
        return Exit.success
    }
    guard let command = commands.first(where: { $0.name == first }) else {
        let near = nearest(first, in: commands.map(\.name), maxDistance: 2)
        var msg =
            first.hasPrefix("-")
            ? "unknown option \(first) (a command comes first)" : "unknown command '\(first)'"
        if let near { msg += " (did you mean '\(near)'?)" }
        probeConsole.usageError(
            msg,
            usage:
                "Usage: partnerkit COMMAND [options]  (commands: \(commands.map(\.name).joined(separator: ", ")))",
            command: nil)
        return Exit.usage
    }
    do {
        let args = try ArgumentParser.parse(Array(argv.dropFirst()), options: command.allOptions)
        let console = Console(noColor: args.has("--no-color"))
        if args.has("--help") {
            console.out(command.help)
            return Exit.success
        }
        guard command.positionals.contains(args.positionals.count) else {
            let p = command.positionals
            let want =
                p.lowerBound == p.upperBound
                ? "\(p.lowerBound)"
                : (p.upperBound > 100 ? "at least \(p.lowerBound)" : "\(p.lowerBound) to \(p.upperBound)")
            throw UsageError(
                message: args.positionals.count > p.upperBound
                    ? "unexpected argument '\(args.positionals[p.upperBound])'"
                    : "expected \(want) argument\(p.upperBound == 1 ? "" : "s"), got \(args.positionals.count)"
            )
        }
        let format = args.value("--format") ?? command.formats[0]
        guard command.formats.contains(format) else {
            throw UsageError(
                message:
                    "--format \(format) is not available here; choose \(command.formats.joined(separator: ", "))"
            )
        }
        var asOf = today()
        if let s = args.value("--as-of") {
            guard let d = Day(s) else {
                throw UsageError(
                    message: "--as-of takes a date YYYY-MM-DD, not \"\(s)\": \(Day.spelling(of: s))")
            }
            asOf = d
        }
        let inv = Invocation(
            args: args, console: console, command: command, workspacePath: args.value("--workspace") ?? ".",
            format: format, asOf: asOf, includeContacts: args.has("--include-contacts"))
        return try command.run(inv)
    } catch let e as UsageError {
        probeConsole.usageError(e.message, usage: "Usage: \(command.usage)", command: command.name)
        return Exit.usage
    } catch {
        probeConsole.err("partnerkit: error: the command stopped on an unexpected problem: \(error)\n")
        return Exit.inputError
    }
}

exit(run(Array(CommandLine.arguments.dropFirst())))
