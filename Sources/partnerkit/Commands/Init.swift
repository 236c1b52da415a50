import PartnerKit

extension Commands {
    static let initCommand = Command(
        name: "init",
        summary: "Scaffold a new workspace (templates with headers and a README); never overwrites",
        usage: "partnerkit init DIR",
        discussion: """
            Writes library.json, organizations.csv, people.csv, relationships.csv,
            partnerships.json and a README.md explaining every column into DIR (created if
            needed). A file that already exists is left exactly as it is.
            """,
        formats: ["text", "json", "markdown"],
        positionals: 1...1,
        needsWorkspace: false,
        run: { inv in
            let dir = inv.args.positionals[0]
            if Files.exists(dir) && !Files.isDirectory(dir) {
                inv.console.report([.error(dir, .file, "exists and is a file, not a folder")])
                return Exit.inputError
            }
            var wrote: [String] = [], kept: [String] = [], failed = false
            for (name, contents) in WorkspaceTemplate.files {
                let path = joinPath(dir, name)
                switch Files.writeAtomically(Array(contents.utf8), to: path, overwrite: false) {
                case .success: wrote.append(name)
                case .failure(.exists): kept.append(name)
                case .failure(let e):
                    inv.console.err("\(e)\n")
                    failed = true
                }
            }
            let next = "Next: edit the files, then run `partnerkit check --workspace \(dir)`."
            switch inv.format {
            case "json":
                inv.emit(
                    JSONOutput.object([
                        ("workspace", .string(dir)), ("wrote", .strings(wrote)), ("kept", .strings(kept)),
                        ("ok", .bool(!failed)),
                    ]).serialized())
            default:
                let bullet = inv.format == "markdown" ? "- " : ""
                if !wrote.isEmpty { inv.emit("\(bullet)Wrote \(wrote.joined(separator: ", ")) in \(dir)") }
                if !kept.isEmpty {
                    inv.emit(
                        "\(bullet)Kept (already there, not overwritten): \(kept.joined(separator: ", "))")
                }
                if !failed { inv.emit(bullet + next) }
            }
            return failed ? Exit.inputError : Exit.success
        })
}
