/// Checks the rows of `surveys.csv` (`partnership,respondent,party,item,rating,date`) against
/// the workspace's partnerships and the health-survey rubric, one row at a time, reporting
/// every problem with its line and a "did you mean": an unknown partnership, a party that is
/// not in that partnership, an item the rubric does not have, a rating off the scale or not a
/// whole number, a date that is not one, the same respondent answering the same item twice in
/// one round, or one respondent answering for two parties. A blank rating is "don't know".
///
/// The CSV itself is read by the workspace's streaming reader (see `WorkspaceLoader`); this type
/// only judges the fields, so it is independent of how the loader is organised.
///
/// Respondents are identifiers; one that looks like an email address is an error and its value
/// is never echoed, so a contact detail cannot reach any output.
public struct SurveyReader {
    public static let fileName = "surveys.csv"
    public static let requiredColumns = ["partnership", "respondent", "party", "item", "rating", "date"]
    /// Columns accepted and ignored: the form's `factor` and `text`, and a free `note`.
    public static let knownColumns = requiredColumns + ["factor", "text", "note"]

    let file: String
    let sink: DiagnosticSink
    let rubric: SurveyRubric
    let libraryID: String?
    /// Partnership id → its parties other than the library.
    let partners: [String: [String]]
    var index: [Int] = []
    public private(set) var answers: [SurveyAnswer] = []
    /// partnership, respondent, item and round → the line of the first answer.
    var seen: [String: Int] = [:]
    /// partnership and respondent → the party they answer for, and the line.
    var respondentParty: [String: (party: String, line: Int)] = [:]
    var partnershipHints: [String: String?] = [:]

    public init(
        file: String, sink: DiagnosticSink, rubric: SurveyRubric, partnerships: [Partnership],
        libraryID: String?
    ) {
        self.file = file
        self.sink = sink
        self.rubric = rubric
        self.libraryID = libraryID
        var partners: [String: [String]] = [:]
        for p in partnerships where partners[p.id] == nil { partners[p.id] = p.partners }
        self.partners = partners
    }

    /// The header's column positions (from the workspace's header check).
    public mutating func header(_ columns: [String: Int]) {
        index = Self.requiredColumns.map { columns[$0] ?? -1 }
    }

    /// One row with the header's number of trimmed fields.
    public mutating func row(_ line: Int, _ fields: [String]) {
        func cell(_ k: Int) -> String { k < index.count && index[k] >= 0 ? fields[index[k]] : "" }
        let partnership = cell(0), respondent = cell(1), rawParty = cell(2), itemID = cell(3)
        let ratingText = cell(4), dateText = cell(5)
        var ok = true
        func error(_ message: String, hint: String? = nil) {
            sink.error(file, .line(line), message, hint: hint)
            ok = false
        }

        // The partnership, then the party within it (not checked when the partnership is
        // unknown: one root cause, one error).
        var parties: [String]?
        if partnership.isEmpty {
            error("partnership: must not be empty")
        } else if let p = partners[partnership] {
            parties = p
        } else {
            error(
                "partnership: \"\(partnership)\" is not an id in partnerships.json",
                hint: partnershipHint(partnership))
        }
        var party = rawParty
        if rawParty == libraryID { party = LibraryProfile.party }
        if rawParty.isEmpty {
            error(
                "party: must not be empty",
                hint: parties.map { "one of: \(([LibraryProfile.party] + $0).joined(separator: ", "))" })
        } else if let parties, party != LibraryProfile.party, !parties.contains(party) {
            let choices = [LibraryProfile.party] + parties
            error(
                "party: \"\(rawParty)\" is not a party to \(partnership) (its parties: \(choices.joined(separator: ", ")))",
                hint: nearest(rawParty, in: choices, maxDistance: max(3, rawParty.count / 3)).map {
                    "did you mean \"\($0)\"?"
                })
        }

        if respondent.isEmpty {
            error(
                "respondent: must not be empty",
                hint:
                    "give each person who answers an identifier such as lib-1 or cu-2 (not a name or an email)"
            )
        } else if respondent.utf8.contains(UInt8(ascii: "@")) {
            // The value is not echoed: it is probably a contact detail.
            error(
                "respondent: looks like an email address; respondents are identifiers",
                hint: "replace it with an identifier such as lib-1 or cu-2 and keep who is who elsewhere")
        }

        let item = rubric.item(itemID)
        if itemID.isEmpty {
            error("item: must not be empty")
        } else if item == nil {
            error(
                "item: \"\(itemID)\" is not an item of the health survey (\(rubric.file.isEmpty ? rubric.name : rubric.file))",
                hint: nearest(itemID, in: rubric.items.map(\.id), maxDistance: max(3, itemID.count / 3)).map {
                    "did you mean \"\($0)\"?"
                } ?? "`partnerkit survey form ID --format csv` writes rows with the right item ids")
        }

        var rating: Double?
        if !ratingText.isEmpty {
            let scale = "\(rubric.scaleMin) to \(rubric.scaleMax)"
            if let v = Double(ratingText), v.isFinite {
                if v != v.rounded() {
                    error(
                        "rating: \(ratingText) is not a whole number; answers are \(scale)",
                        hint: "leave the rating blank for \"don't know\"")
                } else if v < Double(rubric.scaleMin) || v > Double(rubric.scaleMax) {
                    error(
                        "rating: \(ratingText) is outside the scale \(scale)",
                        hint: "leave the rating blank for \"don't know\" (it is not a zero)")
                } else {
                    rating = v
                }
            } else {
                error(
                    "rating: \"\(ratingText)\" is not a number from \(scale)",
                    hint: "leave the rating blank for \"don't know\"")
            }
        }

        var date: Day?
        if dateText.isEmpty {
            error("date: must not be empty (the day the answers were given, YYYY-MM-DD)")
        } else {
            date = Day(dateText)
            if date == nil {
                error("date: \"\(dateText)\" is not a date: \(Day.spelling(of: dateText))")
            }
        }

        // One party per respondent in a partnership, one answer per item per round.
        if parties != nil, !respondent.isEmpty, !party.isEmpty {
            let who = "\(partnership)\u{1F}\(respondent)"
            if let first = respondentParty[who] {
                if first.party != party, ok {
                    error(
                        "respondent \"\(respondent)\" answers for \(first.party) at line \(first.line) and for \(party) here",
                        hint: "give each person their own identifier")
                }
            } else if ok {
                respondentParty[who] = (party, line)
            }
        }
        guard ok, let date, item != nil else { return }
        let round = date.quarter
        let key = "\(partnership)\u{1F}\(respondent)\u{1F}\(itemID)\u{1F}\(round)"
        if let first = seen[key] {
            error(
                "duplicate answer: respondent \"\(respondent)\" already answered \(itemID) for \(partnership) in \(round) (line \(first))",
                hint:
                    "keep one row per respondent and item in each round (answers are grouped into rounds by quarter)"
            )
            return
        }
        seen[key] = line
        answers.append(
            SurveyAnswer(
                partnership: partnership, respondent: respondent, party: party, item: itemID, rating: rating,
                date: date, line: line))
    }

    mutating func partnershipHint(_ id: String) -> String? {
        if let h = partnershipHints[id] { return h }
        let h =
            nearest(id, in: partners.keys, maxDistance: max(3, id.count / 3)).map {
                "did you mean \"\($0)\"?"
            }
            ?? (partners.isEmpty
                ? "the workspace has no partnerships.json entries"
                : "`partnerkit spectrum` lists the partnerships with their ids")
        partnershipHints[id] = h
        return h
    }
}
