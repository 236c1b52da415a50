/// What an editing command did (or, with `--dry-run`, would do): the changes in plain words,
/// the notes, and for a dry run the lines of each file before and after.
public struct EditReport: Sendable {
    public var command: String
    public var changes: [Change]
    public var notes: [String]
    public var diffs: [FileDiff]
    public var dryRun: Bool

    public init(command: String, changes: [Change], notes: [String], diffs: [FileDiff], dryRun: Bool) {
        self.command = command
        self.changes = changes
        self.notes = notes
        self.diffs = diffs
        self.dryRun = dryRun
    }

    private var heading: String {
        if changes.isEmpty { return "Nothing to change." }
        return dryRun ? "Would change (dry run: nothing written):" : "Changed:"
    }

    public var text: String {
        var s = heading + "\n"
        for c in changes { s += "  \(c.formatted)\n" }
        for n in notes { s += "note: \(n)\n" }
        if dryRun {
            for d in diffs {
                for h in d.hunks {
                    s += "\n--- \(d.file)\(d.isNew ? " (new file)" : ""), line \(h.line)\n"
                    for l in h.removed { s += "- \(l)\n" }
                    for l in h.added { s += "+ \(l)\n" }
                }
            }
        }
        return s
    }

    public var markdown: String {
        var s = "**\(Escape.markdown(heading))**\n\n"
        for c in changes { s += "- \(Escape.markdown(c.formatted))\n" }
        for n in notes { s += "- note: \(Escape.markdown(n))\n" }
        if dryRun {
            for d in diffs {
                for h in d.hunks {
                    s += "\n`\(d.file)` line \(h.line):\n\n```diff\n"
                    for l in h.removed { s += "- \(l)\n" }
                    for l in h.added { s += "+ \(l)\n" }
                    s += "```\n"
                }
            }
        }
        return s
    }

    public var json: JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("command", .string(command)), ("dry_run", .bool(dryRun)),
            ("written", .bool(!dryRun && !changes.isEmpty)),
            (
                "changes",
                .array(
                    changes.map {
                        .object([
                            ("file", .string($0.file)), ("location", .string($0.location)),
                            ("summary", .string($0.summary)),
                        ])
                    })
            ),
            ("notes", .strings(notes)),
        ]
        if dryRun {
            members.append(
                (
                    "diff",
                    .array(
                        diffs.flatMap { d in
                            d.hunks.map {
                                .object([
                                    ("file", .string(d.file)), ("line", .int($0.line)),
                                    ("new_file", .bool(d.isNew)),
                                    ("removed", .strings($0.removed)), ("added", .strings($0.added)),
                                ])
                            }
                        })
                ))
        }
        return .object(members)
    }
}

/// `partnerkit history`: the edits in `history.log`, oldest first.
public struct HistoryReport: Sendable {
    public var entries: [HistoryEntry]
    public var since: Day?

    public init(entries: [HistoryEntry], since: Day?) {
        self.entries = entries
        self.since = since
    }

    public var text: String {
        if entries.isEmpty {
            return since.map { "No changes recorded since \($0)." }
                ?? "No changes recorded yet (history.log is empty)."
        }
        var s = ""
        for e in entries {
            s += "\(e.timestamp)  \(e.user)  \(e.command)\n"
            for c in e.changes { s += "    \(c)\n" }
        }
        return s
    }

    public var markdown: String {
        var s = "# Workspace history\(since.map { " since \($0)" } ?? "")\n\n"
        for e in entries {
            s +=
                "- \(e.timestamp) **\(Escape.markdown(e.user))**: `\(e.command.replacingOccurrences(of: "`", with: "'"))`\n"
            for c in e.changes { s += "  - \(Escape.markdown(c))\n" }
        }
        return s
    }

    public var json: JSONOutput {
        .object([
            ("since", since.map { .string("\($0)") } ?? .null),
            (
                "entries",
                .array(
                    entries.map {
                        .object([
                            ("time", .string($0.timestamp)), ("user", .string($0.user)),
                            ("command", .string($0.command)), ("changes", .strings($0.changes)),
                        ])
                    })
            ),
        ])
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
