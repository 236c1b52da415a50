/// A library's own partner spreadsheet (`partnerkit import csv`): any column names, `,` or
/// `;` between fields, UTF-8 with or without a byte order mark or Windows-1252, any line ends,
/// Excel's quoting. Columns are matched to PartnerKit's fields by name and common synonyms, or
/// by a map file; the match is part of the result so the user sees it before anything is written.
public enum Spreadsheet {
    /// A field a spreadsheet column can fill.
    public enum Field: String, Sendable, CaseIterable {
        case id, name, ein, sector, ntee, mission, topics, values, audiences, offers, needs, flags
        case staffFTE = "staff_fte"
        case annualBudget = "annual_budget"
        case volunteers
        case replyDays = "reply_days"
        case serviceArea = "service_area"
        case website, city
        case contactName = "contact_name"
        case contactRole = "contact_role"
        case email, phone

        /// Contact fields go to `people.csv` and are private.
        public var isContact: Bool { [.contactName, .contactRole, .email, .phone].contains(self) }
    }

    /// Header spellings (compared after `headerKey`) for each field.
    public static let synonyms: [Field: [String]] = [
        .id: ["id", "org id", "organization id", "partner id", "partnerkit id"],
        .name: [
            "name", "organization", "organisation", "org", "org name", "organization name",
            "organisation name",
            "partner", "partner name", "partner organization", "agency", "agency name", "company",
            "nonprofit",
        ],
        .ein: ["ein", "tax id", "fein", "employer identification number", "federal tax id"],
        .sector: ["sector", "type", "org type", "organization type", "partner type", "kind", "category"],
        .ntee: ["ntee", "ntee code"],
        .mission: ["mission", "mission statement", "description", "about", "what they do", "summary"],
        .topics: [
            "topics", "topic", "focus areas", "focus area", "focus", "areas of focus", "program areas",
            "programs",
            "services", "issues", "subjects",
        ],
        .values: ["values", "shared values"],
        .audiences: [
            "audiences", "audience", "who they serve", "population served", "populations served",
            "populations",
            "clients", "serves", "target audience",
        ],
        .offers: ["offers", "can offer", "resources", "assets", "what they offer"],
        .needs: ["needs", "what they need"],
        .flags: ["flags", "concerns", "red flags"],
        .staffFTE: ["staff fte", "staff", "fte", "employees", "paid staff"],
        .annualBudget: ["annual budget", "budget", "revenue", "annual revenue", "budget usd"],
        .volunteers: ["volunteers", "number of volunteers"],
        .replyDays: ["reply days", "response time", "days to reply"],
        .serviceArea: ["service area", "area served", "region", "county", "service region"],
        .website: ["website", "web site", "web", "url", "homepage", "home page", "site", "web address"],
        .city: ["city", "town", "municipality"],
        .contactName: [
            "contact", "contact name", "contact person", "primary contact", "main contact", "person",
        ],
        .contactRole: ["contact title", "contact role", "title", "role", "position", "job title"],
        .email: ["email", "e mail", "contact email", "email address", "contact e mail"],
        .phone: ["phone", "telephone", "phone number", "contact phone", "tel", "mobile"],
    ]

    /// How one column of the spreadsheet was matched.
    public struct ColumnMatch: Sendable, Hashable {
        public enum How: String, Sendable { case name, synonym, map, unmatched, ignored }
        public var index: Int
        /// The header as written.
        public var header: String
        public var field: Field?
        public var how: How
        /// For an unmatched column: the nearest known spelling.
        public var suggestion: String?
    }

    /// A header compared loosely: lower case, every run of other characters one space
    /// (`Contact E-mail:` → `contact e mail`).
    public static func headerKey(_ raw: String) -> String {
        var out = ""
        var space = false
        for ch in raw.lowercased() {
            if ch.isLetter || ch.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                out.append(ch)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// Reads `--map MAP.json`: `{ "columns": { "Spreadsheet header": "field" | null } }`
    /// (null: do not import that column). Field names are those of `Field`.
    public static func parseMap(_ bytes: [UInt8], file: String) -> (
        map: [String: Field?], diagnostics: [Diagnostic]
    ) {
        var map: [String: Field?] = [:]
        var diagnostics: [Diagnostic] = []
        let root: JSONNode
        switch JSONParser.parse(bytes) {
        case .success(let r): root = r
        case .failure(let e): return ([:], [.error(file, .lineColumn(e.line, e.column), e.message)])
        }
        guard let columns = root["columns"], case .object(let members) = columns.value else {
            return (
                [:],
                [
                    .error(
                        file, .field("columns"), "must be an object of spreadsheet header → field",
                        hint: "for example { \"columns\": { \"Partner\": \"name\", \"Notes\": null } }")
                ]
            )
        }
        let names = Field.allCases.map(\.rawValue)
        for (header, value) in members {
            switch value.value {
            case .null: map[headerKey(header)] = .some(nil)
            case .string(let s):
                if let f = Field(rawValue: s.trimmingWhitespace.lowercased()) {
                    map[headerKey(header)] = f
                } else {
                    diagnostics.append(
                        .error(
                            file, .field("columns.\(header)"), "\"\(s)\" is not a field PartnerKit knows",
                            hint: nearest(s.lowercased(), in: names).map { "did you mean \"\($0)\"?" }
                                ?? "fields: \(names.joined(separator: ", "))"))
                }
            default:
                diagnostics.append(
                    .error(file, .field("columns.\(header)"), "must be a field name (a string) or null"))
            }
        }
        return (map, diagnostics)
    }

    /// Matches each header to a field: the map first, then the field's own name, then a
    /// synonym. A field is taken by its first column only; a later column for the same field is
    /// reported and left out.
    public static func match(_ header: [String], map: [String: Field?] = [:]) -> [ColumnMatch] {
        var out: [ColumnMatch] = []
        var taken: Set<Field> = []
        let allSpellings = synonyms.values.flatMap { $0 }
        for (i, raw) in header.enumerated() {
            let key = headerKey(raw)
            var m = ColumnMatch(index: i, header: raw, field: nil, how: .unmatched, suggestion: nil)
            if let mapped = map[key] {
                if let f = mapped {
                    m.field = f
                    m.how = .map
                } else {
                    m.how = .ignored
                }
            } else if let f = Field.allCases.first(where: { headerKey($0.rawValue) == key }) {
                m.field = f
                m.how = .name
            } else if let f = Field.allCases.first(where: { synonyms[$0]?.contains(key) ?? false }) {
                m.field = f
                m.how = .synonym
            } else if !key.isEmpty {
                m.suggestion = nearest(key, in: allSpellings, maxDistance: max(1, key.count / 4))
            }
            if let f = m.field {
                if taken.contains(f) {
                    m.field = nil
                    m.how = .unmatched
                    m.suggestion = nil
                } else {
                    taken.insert(f)
                }
            }
            out.append(m)
        }
        return out
    }

    /// What reading a spreadsheet found.
    public struct Reading: Sendable {
        public var encoding: TextEncoding = .utf8
        public var delimiter: UInt8 = CSVDialect.comma
        public var columns: [ColumnMatch] = []
        public var candidates: [ImportCandidate] = []
        public var diagnostics: [Diagnostic] = []
        public var rows = 0
    }

    /// Reads a spreadsheet into candidates, mapping free-text tags onto `vocabulary`.
    public static func read(
        _ raw: [UInt8], file: String, map: [String: Field?] = [:], vocabulary: Vocabulary,
        limits: InputLimits = .default
    ) -> Reading {
        var reading = Reading()
        let (bytes, encoding) = TextDecoding.utf8(raw)
        reading.encoding = encoding
        let dialect = CSVDialect.detect(bytes)
        reading.delimiter = dialect.delimiter
        if let problem = dialect.problem(file: file) {
            reading.diagnostics.append(problem)
            return reading
        }
        let (rows, diagnostics) = CSVParser.rows(
            bytes, file: file, limits: limits, delimiter: dialect.delimiter)
        reading.diagnostics += diagnostics
        guard let headerRow = rows.first else {
            if !diagnostics.hasErrors {
                reading.diagnostics.append(.error(file, .file, "the file is empty: it needs a header row"))
            }
            return reading
        }
        let header = headerRow.fields.map(\.trimmingWhitespace)
        reading.columns = match(header, map: map)
        var col: [Field: Int] = [:]
        for m in reading.columns { if let f = m.field { col[f] = m.index } }
        guard col[.name] != nil else {
            reading.diagnostics.append(
                .error(
                    file, .line(headerRow.line), "no column gives the organization's name",
                    hint:
                        "name it \"Organization\" or \"Name\", or map it: --map MAP.json with { \"columns\": { \"Your header\": \"name\" } }"
                ))
            return reading
        }
        for row in rows.dropFirst() {
            reading.rows += 1
            let fields = row.fields
            if fields.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            if fields.count > header.count,
                fields[header.count...].contains(where: { !$0.trimmingWhitespace.isEmpty })
            {
                reading.diagnostics.append(
                    .error(
                        file, .line(row.line), "expected \(header.count) fields, found \(fields.count)",
                        hint: "a separator inside a value needs the value in double quotes"))
                continue
            }
            func cell(_ f: Field) -> String {
                guard let i = col[f], i < fields.count else { return "" }
                return fields[i].trimmingWhitespace
            }
            var values: [String: String] = [:]
            for f in [Field.mission, .website, .serviceArea] {
                let v = cell(f)
                if !v.isEmpty { values[f.rawValue] = v }
            }
            let ntee = MasterFileImport.nteeCode(cell(.ntee))
            if let ntee { values["ntee"] = ntee }
            let sectorText = cell(.sector)
            if !sectorText.isEmpty {
                if let s = sector(sectorText) {
                    values["sector"] = s.rawValue
                } else {
                    reading.diagnostics.append(
                        .warning(
                            file, .line(row.line),
                            "\"\(sectorText)\" is not a sector PartnerKit knows: left empty",
                            hint: "sectors: \(Sector.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            for f in [Field.annualBudget, .staffFTE, .volunteers, .replyDays] {
                let v = cell(f)
                if v.isEmpty { continue }
                if dialect.decimalComma, case .ambiguous(let a, let b) = CSVDialect.decimalCommaNumber(v) {
                    var d = WorkspaceLoader.ambiguousNumber(
                        v, column: f.rawValue, file: file, line: row.line, a, b)
                    d.severity = .warning
                    d.message += ": left empty"
                    reading.diagnostics.append(d)
                } else if let n = number(v, decimalComma: dialect.decimalComma) {
                    values[f.rawValue] = n
                } else {
                    reading.diagnostics.append(
                        .warning(file, .line(row.line), "\(f.rawValue): \"\(v)\" is not a number: left empty")
                    )
                }
            }
            // Tag columns: each piece mapped onto the vocabulary; topics that are audiences (and
            // the reverse) move to the list they belong to.
            var lists: [String: [String]] = [:]
            let tagFields: [(Field, TagCategory, TagCategory?)] = [
                (.topics, .topics, .audiences), (.audiences, .audiences, .topics), (.values, .values, nil),
                (.offers, .assets, nil), (.needs, .assets, nil), (.flags, .flags, nil),
            ]
            for (f, category, other) in tagFields {
                for piece in pieces(cell(f)) {
                    let t = Tag.normalize(piece)
                    if f == .flags && t == "none" {
                        // "none": practices checked, nothing found (see the contract).
                        lists[f.rawValue, default: []].append("none")
                    } else if let c = vocabulary.canonical(t, in: category) {
                        lists[f.rawValue, default: []].append(c)
                    } else if let other, let c = vocabulary.canonical(t, in: other) {
                        lists[other == .audiences ? "audiences" : "topics", default: []].append(c)
                    } else {
                        let near = vocabulary.suggestion(for: t, in: category)
                        reading.diagnostics.append(
                            .warning(
                                file, .line(row.line),
                                "\(f.rawValue): \"\(piece)\" is not in the vocabulary: left out",
                                hint: near.map {
                                    "did you mean \"\($0)\"? (correct the spreadsheet and import again)"
                                }
                                    ?? "add it to the workspace's vocabulary.json, or choose a known tag"))
                    }
                }
            }
            for (k, v) in lists {
                var seen: Set<String> = []
                values[k] = v.filter { seen.insert($0).inserted }.joined(separator: ";")
            }
            let city = cell(.city)
            if values["service_area"] == nil, !city.isEmpty { values["service_area"] = city }
            var contacts: [ImportContact] = []
            let contactName = cell(.contactName), email = cell(.email), phone = cell(.phone)
            if !contactName.isEmpty || !email.isEmpty || !phone.isEmpty {
                let name = contactName.isEmpty ? "Contact at \(cell(.name))" : contactName
                contacts.append(
                    ImportContact(
                        name: name, role: cell(.contactRole).nilIfEmpty, email: email.nilIfEmpty,
                        phone: phone.nilIfEmpty))
            }
            let id = cell(.id)
            reading.candidates.append(
                ImportCandidate(
                    file: file, line: row.line, name: cell(.name), id: id.isEmpty ? nil : id,
                    ein: ExistingRecords.einDigits(cell(.ein)),
                    city: city.isEmpty ? values["service_area"].map(ExistingRecords.cityOfServiceArea) : city,
                    values: values, contacts: contacts))
            let einText = cell(.ein)
            if !einText.isEmpty && ExistingRecords.einDigits(einText) == nil {
                reading.diagnostics.append(
                    .warning(file, .line(row.line), "ein: \"\(einText)\" is not a 9-digit EIN: left empty"))
            }
        }
        return reading
    }

    /// A free-text list cell in pieces: split at `;`, `,`, `/`, `|` and line breaks.
    static func pieces(_ cell: String) -> [String] {
        cell.split(whereSeparator: { ";,/|\n\r".contains($0) }).map(\.trimmingWhitespace).filter {
            !$0.isEmpty
        }
    }

    /// A sector written in everyday words (`Non-profit`, `501(c)(3)`, `City agency`).
    static func sector(_ text: String) -> Sector? {
        let k = headerKey(text)
        if let s = Sector(rawValue: k) { return s }
        let words: [(Sector, [String])] = [
            (
                .nonprofit,
                [
                    "non profit", "not for profit", "501 c 3", "501c3", "charity", "ngo",
                    "nonprofit organization",
                ]
            ),
            (
                .business,
                ["for profit", "company", "corporate", "private", "bank", "employer", "small business"]
            ),
            (
                .government,
                ["city", "county", "state", "federal", "public agency", "agency", "municipal", "town"]
            ),
            (.education, ["school", "college", "university", "school district", "academic"]),
            (
                .faith,
                ["church", "religious", "congregation", "faith based", "mosque", "synagogue", "temple"]
            ),
            (
                .grassroots,
                ["community group", "volunteer group", "mutual aid", "neighborhood group", "informal"]
            ),
            (.library, ["public library", "libraries"]),
        ]
        for (s, list) in words where list.contains(k) || list.contains(where: { k.hasPrefix($0 + " ") }) {
            return s
        }
        return nil
    }

    /// A number as spreadsheets write it (`$1,200,000`, `12.5`), as the plain text to store.
    /// In a `;`-separated file (`decimalComma`) a comma is the decimal mark: `0,5`, `1.234,5`.
    static func number(_ text: String, decimalComma: Bool = false) -> String? {
        let d: Double
        if decimalComma {
            guard case .value(let v) = CSVDialect.decimalCommaNumber(text), v >= 0 else { return nil }
            d = v
        } else {
            let cleaned = text.filter { $0 != "," && $0 != "$" && $0 != " " && $0 != "_" }
            guard let v = Double(cleaned), v.isFinite, v >= 0 else { return nil }
            d = v
        }
        return d == d.rounded() && d < 1e15 ? String(Int(d)) : String(d)
    }
}
