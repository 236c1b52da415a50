import Foundation

/// One organization a source file offers, before deduplication and id assignment.
public struct ImportCandidate: Sendable {
    public var file: String
    public var line: Int
    public var name: String
    /// The id the source gave (a spreadsheet's `id` column), used when free.
    public var id: String?
    /// Nine digits, or nil.
    public var ein: String?
    public var city: String?
    /// Every other column to write, by `organizations.csv` column name (non-empty values only).
    public var values: [String: String]
    public var contacts: [ImportContact]
    /// The NTEE code was blank / present but unusable.
    public var blankNTEE = false
    public var oddNTEE = false

    public init(
        file: String, line: Int, name: String, id: String? = nil, ein: String? = nil, city: String? = nil,
        values: [String: String] = [:], contacts: [ImportContact] = []
    ) {
        self.file = file
        self.line = line
        self.name = name
        self.id = id
        self.ein = ein
        self.city = city
        self.values = values
        self.contacts = contacts
    }
}

/// A contact person found beside an organization (private: email and phone are never shown).
public struct ImportContact: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var email: String?
    public var phone: String?
    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
    }
}

/// A row to append to `organizations.csv`.
public struct PlannedOrganization: Sendable {
    public var id: String
    public var name: String
    /// `12-3456789`, or nil.
    public var ein: String?
    /// Every cell to write, by column name, `id` and `name` included.
    public var values: [String: String]
    public var file: String
    public var line: Int
}

/// A row to append to `people.csv`.
public struct PlannedPerson: Sendable {
    public var id: String
    public var values: [String: String]
    public var organization: String
}

/// A source row that will not be imported, and why.
public struct ImportSkip: Sendable {
    public enum Reason: Sendable, Hashable {
        /// The workspace has it already: the existing organization's id and what matched.
        case alreadyPresent(existing: String, match: String)
        /// An earlier row of the same import has the same EIN (or name and city).
        case repeatedInImport(firstLine: Int)
        /// The row has no organization name.
        case noName
    }
    public var file: String
    public var line: Int
    public var name: String
    public var reason: Reason
    /// The source row's EIN (12-3456789), when it had one.
    public var ein: String? = nil

    /// The reason in plain words.
    public var explanation: String {
        switch reason {
        case .alreadyPresent(let id, let match): "already in organizations.csv as \(id) (same \(match))"
        case .repeatedInImport(let first): "the same organization as line \(first)"
        case .noName: "no organization name"
        }
    }
}

/// The counts a librarian reads after an import.
public struct ImportSummary: Sendable, Hashable {
    /// Data rows read from the source files.
    public var rowsRead = 0
    public var imported = 0
    /// Rows already in the workspace (same EIN, id, or name and city).
    public var skippedPresent = 0
    /// Rows the filters left out.
    public var skippedFiltered = 0
    /// Rows repeated within the import, or with no name.
    public var skippedOther = 0
    /// Imported organizations whose master-file row had no NTEE code.
    public var withoutNTEE = 0
    /// Imported organizations whose NTEE code was not usable (written as blank).
    public var oddNTEE = 0
    /// Imported organizations left without any topic.
    public var withoutTopics = 0
    /// Names from which a care-of part (`C/O …`) was removed.
    public var careOfRemoved = 0
    /// Imported organizations whose revenue was missing, zero or negative (budget left unknown).
    public var unknownBudget = 0
    public var peopleImported = 0

    public init() {}

    /// `imported 412, skipped 37 already present, 120 without an NTEE code: topics left empty`.
    public var sentence: String {
        var parts = ["imported \(imported)"]
        if skippedPresent > 0 { parts.append("skipped \(skippedPresent) already present") }
        if skippedFiltered > 0 { parts.append("\(skippedFiltered) left out by the filters") }
        if skippedOther > 0 { parts.append("\(skippedOther) skipped (repeated or unnamed)") }
        if withoutNTEE > 0 {
            parts.append(
                "\(withoutNTEE) without an NTEE code: topics left empty unless the name says (\"Library\", \"Literacy\"…)"
            )
        }
        if oddNTEE > 0 { parts.append("\(oddNTEE) with an unusable NTEE code, read by its letter only") }
        if peopleImported > 0 {
            parts.append("\(peopleImported) contact\(peopleImported == 1 ? "" : "s") to people.csv")
        }
        return parts.joined(separator: ", ")
    }
}

/// What an import would do: the rows to add, the rows skipped with their reasons, the counts,
/// and every problem found. Nothing is written until the plan is applied (`ImportWriter`).
public struct ImportPlan: Sendable {
    public var organizations: [PlannedOrganization] = []
    public var people: [PlannedPerson] = []
    public var skips: [ImportSkip] = []
    public var summary = ImportSummary()
    public var diagnostics: [Diagnostic] = []
    public init() {}

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The `organizations.csv` columns the new rows fill.
    public var columnsUsed: [String] {
        var used: Set<String> = []
        for o in organizations { for (k, v) in o.values where !v.isEmpty { used.insert(k) } }
        return WorkspaceLoader.organizationColumns.filter(used.contains)
            + used.subtracting(WorkspaceLoader.organizationColumns).sorted()
    }
}

/// What the workspace already holds, as the import compares it: every id in use, EINs, and
/// normalised name + city.
public struct ExistingRecords: Sendable {
    public var ids: Set<String> = []
    /// The organizations' ids alone (an id given in a spreadsheet is "already present" only
    /// when an organization has it; a person's or the library's id is just taken).
    public var organizationIDs: Set<String> = []
    /// Nine-digit EIN → organization id.
    public var eins: [String: String] = [:]
    /// Name key → (city key or "", id, has an EIN).
    public var names: [String: [(city: String, id: String, hasEIN: Bool)]] = [:]
    /// Lower-cased email, and person name key + organization → person id.
    public var peopleKeys: Set<String> = []

    public init() {}

    public init(_ workspace: Workspace) {
        ids.insert(workspace.library.id)
        for o in workspace.organizations {
            ids.insert(o.id)
            organizationIDs.insert(o.id)
            let digits = Self.einDigits(o.ein)
            if let digits { eins[digits] = eins[digits] ?? o.id }
            let city = o.serviceArea.map(Self.cityOfServiceArea) ?? ""
            names[Self.nameKey(o.name), default: []].append((city, o.id, digits != nil))
        }
        for p in workspace.people {
            ids.insert(p.id)
            if let e = p.email?.lowercased(), !e.isEmpty { peopleKeys.insert("email:" + e) }
            peopleKeys.insert("name:\(Self.nameKey(p.name))@\(p.organization ?? "")")
        }
    }

    /// The nine digits of an EIN written any way (`12-3456789`, `123456789`), or nil.
    public static func einDigits(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let d = raw.filter { $0.isASCII && $0.isNumber }
        return d.count == 9 ? d : nil
    }

    /// `12-3456789`.
    public static func formatEIN(_ digits: String) -> String {
        "\(digits.prefix(2))-\(digits.dropFirst(2))"
    }

    /// A name compared loosely: case, accents, punctuation, `&`/`and`, a leading "the" and
    /// legal forms (`Inc`, `Corp`) do not matter.
    public static func nameKey(_ name: String) -> String {
        let words = OrganizationName.slug(name.replacingOccurrences(of: "&", with: " and ")).split(
            separator: "-")
        return words.filter { !OrganizationName.legalWords.contains(String($0)) }.joined(separator: " ")
    }

    /// The city of a service area written `City, ST 12345` (the part before the first comma).
    static func cityOfServiceArea(_ area: String) -> String {
        MasterFileFilter.cityKey(String(area.split(separator: ",").first ?? ""))
    }
}

/// Turns candidates into a plan: skips what the workspace has (same EIN; same id; same name
/// and city where either side has no EIN, since two posts of the American Legion in one town
/// are two organizations), skips repeats within the import, and hands out unique ids.
public enum ImportPlanner {
    public static func plan(
        _ candidates: [ImportCandidate], existing: ExistingRecords, into plan: inout ImportPlan
    ) {
        var ids = IDAllocator(taken: existing.ids)
        var seenEIN: [String: Int] = [:]
        var seenName: [String: Int] = [:]
        var peopleKeys = existing.peopleKeys
        for c in candidates {
            let name = c.name.trimmingWhitespace
            guard !name.isEmpty else {
                plan.skips.append(ImportSkip(file: c.file, line: c.line, name: "", reason: .noName))
                plan.summary.skippedOther += 1
                continue
            }
            let ein = c.ein.flatMap { ExistingRecords.einDigits($0) }
            let cityKey = c.city.map(MasterFileFilter.cityKey) ?? ""
            let nameKey = ExistingRecords.nameKey(name)
            func skip(_ r: ImportSkip.Reason) {
                plan.skips.append(
                    ImportSkip(
                        file: c.file, line: c.line, name: name, reason: r,
                        ein: ein.map(ExistingRecords.formatEIN)))
                if case .alreadyPresent = r {
                    plan.summary.skippedPresent += 1
                } else {
                    plan.summary.skippedOther += 1
                }
            }
            if let ein, let id = existing.eins[ein] {
                skip(.alreadyPresent(existing: id, match: "EIN"))
                continue
            }
            if let given = c.id, existing.organizationIDs.contains(given) {
                skip(.alreadyPresent(existing: given, match: "id"))
                continue
            }
            if let match = existing.names[nameKey]?.first(where: {
                ($0.city == cityKey || $0.city.isEmpty || cityKey.isEmpty) && (!$0.hasEIN || ein == nil)
            }) {
                skip(.alreadyPresent(existing: match.id, match: "name and city"))
                continue
            }
            if let ein, let first = seenEIN[ein] {
                skip(.repeatedInImport(firstLine: first))
                continue
            }
            let repeatKey = nameKey + "|" + cityKey
            if ein == nil, let first = seenName[repeatKey] {
                skip(.repeatedInImport(firstLine: first))
                continue
            }
            if let ein { seenEIN[ein] = c.line }
            seenName[repeatKey] = seenName[repeatKey] ?? c.line
            let id: String
            if let given = c.id?.trimmingWhitespace, !given.isEmpty, !given.contains(";"), ids.reserve(given)
            {
                id = given
            } else {
                id = ids.allocate(name: name, city: c.city, ein: ein)
            }
            var values = c.values
            values["id"] = id
            values["name"] = name
            let formatted = ein.map(ExistingRecords.formatEIN)
            if let formatted { values["ein"] = formatted }
            plan.organizations.append(
                PlannedOrganization(
                    id: id, name: name, ein: formatted, values: values, file: c.file, line: c.line))
            plan.summary.imported += 1
            if c.blankNTEE { plan.summary.withoutNTEE += 1 }
            if c.oddNTEE { plan.summary.oddNTEE += 1 }
            if (values["topics"] ?? "").isEmpty { plan.summary.withoutTopics += 1 }
            for contact in c.contacts {
                let key = contact.email.map { "email:" + $0.lowercased() }
                let nameKey = "name:\(ExistingRecords.nameKey(contact.name))@\(id)"
                if let key, peopleKeys.contains(key) { continue }
                if peopleKeys.contains(nameKey) { continue }
                if let key { peopleKeys.insert(key) }
                peopleKeys.insert(nameKey)
                let pid = ids.allocate(name: contact.name, city: OrganizationName.slug(name), ein: nil)
                var v: [String: String] = ["id": pid, "name": contact.name, "organization": id]
                if let r = contact.role { v["role"] = r }
                if let e = contact.email { v["email"] = e }
                if let p = contact.phone { v["phone"] = p }
                plan.people.append(PlannedPerson(id: pid, values: v, organization: id))
                plan.summary.peopleImported += 1
            }
        }
    }
}
