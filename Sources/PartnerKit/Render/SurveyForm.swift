/// The health survey as a form to send: printable HTML, Markdown, or a `surveys.csv` fragment
/// with one row per item and party, pre-filled with the partnership, the party, a respondent
/// identifier to change per person, and the date. Every user string is escaped for its format
/// (HTML entities, Markdown backslashes, CSV quoting with formula starts neutralised).
public struct SurveyForm: Sendable {
    public var partnership: Partnership
    public var rubric: SurveyRubric
    public var libraryName: String
    /// Party id → display name (the partners' organization names).
    public var partyNames: [String: String]
    public var date: Day

    public init(partnership: Partnership, rubric: SurveyRubric, workspace: Workspace, date: Day) {
        self.partnership = partnership
        self.rubric = rubric
        self.libraryName = workspace.library.name
        var names: [String: String] = [:]
        for p in partnership.partners { names[p] = workspace.displayName(p) }
        self.partyNames = names
        self.date = date
    }

    /// `library`, then each partner.
    var parties: [String] {
        var out = [LibraryProfile.party]
        for p in partnership.partners where !out.contains(p) { out.append(p) }
        return out
    }

    func name(_ party: String) -> String {
        party == LibraryProfile.party ? libraryName : partyNames[party] ?? party
    }

    var scaleWords: String {
        let labelled = rubric.labels.map { "\($0.value) \($0.label)" }.joined(separator: ", ")
        let range = "\(rubric.scaleMin) to \(rubric.scaleMax)"
        return labelled.isEmpty ? range : "\(range): \(labelled)"
    }

    var instructions: String {
        "Rate each statement from \(scaleWords). Leave a rating blank if you don't know: a blank is not a low score. Answer for your own organization; the other side answers the same statements."
    }

    // MARK: - CSV

    public static let csvColumns = [
        "partnership", "respondent", "party", "item", "factor", "text", "rating", "date",
    ]

    /// Rows ready to paste into surveys.csv: change `respondent` (one identifier per person,
    /// never a name or an email) and fill in `rating`.
    public var csv: String {
        var out = Self.csvColumns.joined(separator: ",") + "\r\n"
        for party in parties {
            let respondent = "\(party)-1"
            for item in rubric.items {
                let cells = [
                    partnership.id, respondent, party, item.id, item.factor.rawValue, item.text, "",
                    date.description,
                ]
                out += cells.map { Escape.csvCell($0) }.joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    // MARK: - Markdown

    public var markdown: String {
        let m = Escape.markdown
        var out = "# How is our partnership going?\n\n"
        out += "**\(m(partnership.title))** (`\(m(partnership.id))`): \(m(name(LibraryProfile.party)))"
        out += partnership.partners.map { " and " + m(name($0)) }.joined() + ".\n\n"
        out += m(instructions) + "\n\n"
        out += "Your organization: ☐ " + parties.map { m(name($0)) }.joined(separator: " ☐ ") + "\n\n"
        out += "Your identifier (not your name or email): ________  Date: \(date)\n\n"
        let heads = (rubric.scaleMin...rubric.scaleMax).map(String.init) + ["don't know"]
        out += "| # | statement | " + heads.joined(separator: " | ") + " |\n"
        out += "| ---: | --- |" + heads.map { _ in " :---: |" }.joined() + "\n"
        for (i, item) in rubric.items.enumerated() {
            out += "| \(i + 1) | \(m(item.text)) |" + heads.map { _ in " ☐ |" }.joined() + "\n"
        }
        out += "\nThank you. Item ids for whoever enters the answers: "
        out += rubric.items.enumerated().map { "\($0.offset + 1) `\(m($0.element.id))`" }.joined(
            separator: ", ")
        out += ".\n"
        return out
    }

    // MARK: - HTML

    /// A self-contained, printable page (inline CSS, no scripts).
    public var html: String {
        let h = Escape.html
        let heads = (rubric.scaleMin...rubric.scaleMax).map { v -> String in
            let label = rubric.labels.first { $0.value == v }?.label
            return "<th class=\"r\">\(v)\(label.map { "<small>\(h($0))</small>" } ?? "")</th>"
        }
        var rows = ""
        for (i, item) in rubric.items.enumerated() {
            rows +=
                "<tr><td class=\"n\">\(i + 1)</td><td>\(h(item.text))<small class=\"id\">\(h(item.id))</small></td>"
            rows += (rubric.scaleMin...rubric.scaleMax).map { _ in "<td class=\"r\">☐</td>" }.joined()
            rows += "<td class=\"r\">☐</td></tr>\n"
        }
        let partners = partnership.partners.map { h(name($0)) }.joined(separator: " and ")
        let choices = parties.map { "<span class=\"box\">☐ \(h(name($0)))</span>" }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h("How is our partnership going? — \(partnership.title)"))</title>
            <style>
            body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 52em; color: #222; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            table { border-collapse: collapse; width: 100%; margin-top: 1em; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.35em 0.4em; vertical-align: top; }
            th { text-align: left; font-weight: 600; }
            .r { text-align: center; width: 3.2em; }
            .n { width: 1.5em; color: #666; }
            small { display: block; font-weight: normal; font-size: 0.75em; color: #555; }
            small.id { color: #999; }
            .box { margin-right: 1.2em; white-space: nowrap; }
            .line { display: inline-block; min-width: 12em; border-bottom: 1px solid #444; }
            tr { page-break-inside: avoid; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>How is our partnership going?</h1>
            <p><strong>\(h(partnership.title))</strong>: \(h(libraryName)) and \(partners).</p>
            <p>\(h(instructions))</p>
            <p>Your organization: \(choices)</p>
            <p>Your identifier (not your name or email): <span class="line"></span> &nbsp; Date: \(h(date.description))</p>
            <table>
            <thead><tr><th class="n">#</th><th>Statement</th>\(heads.joined())<th class="r">?<small>don't know</small></th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <p>Thank you. Your answers are read together with the other side's, to see where you agree and where you don't.</p>
            </body>
            </html>

            """
    }
}
