/// The kinds of organization the toolkit knows.
public enum Sector: String, Sendable, CaseIterable, Hashable {
    case nonprofit, business, government, education, faith, grassroots, library, other
}

/// A candidate or current partner (`organizations.csv`, one row).
///
/// Every optional field is `nil` when its cell was empty: unknown, not zero. The engines
/// lower their confidence for unknowns instead of scoring them as zero.
public struct Organization: Sendable {
    public var id: String
    public var name: String
    public var sector: Sector?
    public var ntee: String?
    public var ein: String?
    public var mission: String?
    public var tags: TagLists
    public var staffFTE: Double?
    /// USD a year.
    public var annualBudget: Double?
    public var volunteers: Double?
    /// Typical days to answer a message.
    public var replyDays: Double?
    public var serviceArea: String?
    public var website: String?
    /// Physical line in `organizations.csv` (0 when not from a file).
    public var line: Int

    public init(
        id: String, name: String, sector: Sector? = nil, ntee: String? = nil, ein: String? = nil,
        mission: String? = nil, tags: TagLists = TagLists(), staffFTE: Double? = nil,
        annualBudget: Double? = nil, volunteers: Double? = nil, replyDays: Double? = nil,
        serviceArea: String? = nil, website: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.ntee = ntee
        self.ein = ein
        self.mission = mission
        self.tags = tags
        self.staffFTE = staffFTE
        self.annualBudget = annualBudget
        self.volunteers = volunteers
        self.replyDays = replyDays
        self.serviceArea = serviceArea
        self.website = website
        self.line = line
    }
}

/// A contact at an organization (`people.csv`). Email and phone are private: no output shows
/// them unless the user asks with `--include-contacts`.
public struct Person: Sendable, Hashable {
    public var id: String
    public var name: String
    /// An organization id, or nil for an unaffiliated person.
    public var organization: String?
    public var role: String?
    public var email: String?
    public var phone: String?
    public var line: Int

    public init(
        id: String, name: String, organization: String? = nil, role: String? = nil,
        email: String? = nil, phone: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.organization = organization
        self.role = role
        self.email = email
        self.phone = phone
        self.line = line
    }
}

/// An undirected tie of the relationship graph (`relationships.csv`, one row).
public struct Tie: Sendable, Hashable {
    public var source: String
    public var target: String
    /// `knows`, `partnered`, `coalition`, `board`, `funder`, `referral`, …
    public var kind: String
    /// 1 acquainted, 2 working contact, 3 trusted, 4 close partner.
    public var strength: Double
    public var lastContact: Day?
    public var note: String?
    public var line: Int

    public init(
        source: String, target: String, kind: String = "knows", strength: Double = 1,
        lastContact: Day? = nil, note: String? = nil, line: Int = 0
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.strength = strength
        self.lastContact = lastContact
        self.note = note
        self.line = line
    }
}
