/// Turns master-file records into import candidates: the name title-cased, care-of parts
/// removed, the sector from the IRS codes, the budget from revenue, the service area from city
/// and ZIP, and topics, audiences and offers through the NTEE crosswalk.
public enum MasterFileImport {
    /// The sector the IRS codes say:
    /// - `government`: subsection 01 (501(c)(1), instrumentalities of the United States) or
    ///   foundation code 14 (a governmental unit, 170(b)(1)(A)(v));
    /// - `faith`: foundation code 10 (a church, 170(b)(1)(A)(i)), activity codes 001–029
    ///   (religious activities), a 501(c)(3) classified religious (classification digit 4), or
    ///   an NTEE code in group X (Religion-Related);
    /// - `nonprofit` otherwise.
    public static func sector(_ r: MasterFileRecord) -> Sector {
        if r.subsection == "01" || r.foundation == "14" { return .government }
        if r.foundation == "10" { return .faith }
        let a = Array(r.activity.utf8)
        var k = 0
        while k + 3 <= a.count {
            if let code = Int(String(decoding: a[k..<(k + 3)], as: UTF8.self)), (1...29).contains(code) {
                return .faith
            }
            k += 3
        }
        if r.subsection == "03", r.classification.contains("4") { return .faith }
        if r.ntee.uppercased().hasPrefix("X") { return .faith }
        return .nonprofit
    }

    /// The NTEE code to write: cleaned, with a letter O typed for a zero fixed (`J4O` → `J40`);
    /// nil when blank or not a usable code (a letter, a digit, then one to four letters or
    /// digits, as `check` expects).
    public static func nteeCode(_ raw: String) -> String? {
        guard var c = NTEECrosswalk.clean(raw) else { return nil }
        var chars = Array(c)
        for i in 1..<min(3, chars.count) where chars[i] == "O" { chars[i] = "0" }
        c = String(chars)
        let u = Array(c.utf8)
        guard u.count >= 3, (48...57).contains(u[1]) else { return nil }
        return c
    }

    public static func candidate(_ r: MasterFileRecord, file: String, crosswalk: NTEECrosswalk) -> (
        ImportCandidate, careOfRemoved: Bool
    ) {
        let (bare, removed) = OrganizationName.withoutCareOf(r.name)
        let name = OrganizationName.titleCased(bare)
        let city = OrganizationName.titleCased(MasterFileFilter.cityKey(r.city))
        var values: [String: String] = ["sector": sector(r).rawValue]
        let code = nteeCode(r.ntee)
        if let code { values["ntee"] = code }
        // Unusable codes still give their major group when the first character is a letter.
        let letter = NTEECrosswalk.clean(r.ntee).map { String($0.prefix(1)) }
        let tags = crosswalk.tags(code: code ?? letter, name: bare)
        if !tags.topics.isEmpty { values["topics"] = tags.topics.joined(separator: ";") }
        if !tags.audiences.isEmpty { values["audiences"] = tags.audiences.joined(separator: ";") }
        if !tags.offers.isEmpty { values["offers"] = tags.offers.joined(separator: ";") }
        // Zero is what the IRS writes for organizations that file only the e-Postcard
        // (gross receipts under $50,000): not a budget of zero, so unknown like a negative one.
        // Above a trillion dollars is a typo, not a budget: unknown too (and no Int overflow).
        if let revenue = r.revenue, revenue > 0, revenue < 1e12 {
            values["annual_budget"] = String(Int(revenue.rounded()))
        }
        let zip5 = String(r.zip.prefix(5))
        var area = city
        if !r.state.isEmpty { area += (area.isEmpty ? "" : ", ") + r.state }
        if !zip5.isEmpty { area += (area.isEmpty ? "" : " ") + zip5 }
        if !area.isEmpty { values["service_area"] = area }
        var c = ImportCandidate(
            file: file, line: r.line, name: name, ein: ExistingRecords.einDigits(r.ein),
            city: city.isEmpty ? nil : city, values: values)
        c.blankNTEE = r.ntee.trimmingWhitespace.isEmpty
        c.oddNTEE = !c.blankNTEE && code == nil
        return (c, removed)
    }

    /// The plan for records read from master files.
    public static func plan(_ scan: MasterFile.Scan, existing: ExistingRecords, crosswalk: NTEECrosswalk)
        -> ImportPlan
    {
        var plan = ImportPlan()
        plan.diagnostics = scan.diagnostics
        plan.summary.rowsRead = scan.rows
        plan.summary.skippedFiltered = scan.filteredOut
        var candidates: [ImportCandidate] = []
        var careOf = 0
        candidates.reserveCapacity(scan.records.count)
        for (k, r) in scan.records.enumerated() {
            let (c, removed) = candidate(
                r, file: k < scan.files.count ? scan.files[k] : "", crosswalk: crosswalk)
            if removed { careOf += 1 }
            candidates.append(c)
        }
        ImportPlanner.plan(candidates, existing: existing, into: &plan)
        plan.summary.careOfRemoved = careOf
        plan.summary.unknownBudget = plan.organizations.count { ($0.values["annual_budget"] ?? "").isEmpty }
        return plan
    }
}
