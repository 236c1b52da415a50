/// One field of a workspace JSON file: its name, what it holds, whether it is required, one
/// line of documentation, and the fields of its objects (for an object, or a list of them).
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    /// What it holds, in a few words (`text`, `number > 0`, `list of tags`, `object`).
    public var type: String
    public var required: Bool
    public var doc: String
    public var fields: [FieldSpec]

    public init(_ name: String, _ type: String, required: Bool = false, doc: String, fields: [FieldSpec] = [])
    {
        self.name = name
        self.type = type
        self.required = required
        self.doc = doc
        self.fields = fields
    }

    /// The names its objects may hold (the reader warns about any other).
    public var names: Set<String> { Set(fields.map(\.name)) }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

/// The fields of one workspace JSON file, declared once: the reader's known keys and the
/// documentation come from here.
public struct JSONSchema: Sendable {
    public let file: String
    public let requiredFile: Bool
    /// The top-level object.
    public let root: FieldSpec

    public init(file: String, requiredFile: Bool, fields: [FieldSpec]) {
        self.file = file
        self.requiredFile = requiredFile
        self.root = FieldSpec("", "object", required: true, doc: file, fields: fields)
    }

    public var names: Set<String> { root.names }
    public func field(_ name: String) -> FieldSpec? { root.field(name) }
}

/// `library.json`: the library's own profile.
public enum LibrarySchema {
    public static let file = "library.json"
    public static let schema = JSONSchema(
        file: file, requiredFile: true,
        fields: [
            FieldSpec(
                "id", "id", required: true,
                doc:
                    "the library's node in the relationship graph (use it, or `library`, in relationships.csv)"
            ),
            FieldSpec("name", "text", required: true, doc: "the library's name"),
            FieldSpec(
                "priorities", "list of objects", doc: "what the library is working toward",
                fields: [
                    FieldSpec("id", "id", required: true, doc: "used by partnership goals"),
                    FieldSpec("label", "text", doc: "its name in reports"),
                    FieldSpec(
                        "weight", "number > 0", doc: "how much it matters relative to the others (default 1)"),
                    FieldSpec("topics", "list of tags", doc: "the topics that serve it"),
                    FieldSpec("description", "text", doc: "notes for people, ignored"),
                ]),
            FieldSpec("values", "list of tags", doc: "what the library stands for"),
            FieldSpec(
                "audiences", "list of tags or objects",
                doc: "whom it serves, each a tag or `{ \"tag\": …, \"weight\": … }`",
                fields: [
                    FieldSpec("tag", "tag", required: true, doc: "the audience"),
                    FieldSpec("weight", "number > 0", doc: "how much it matters (default 1)"),
                    FieldSpec("label", "text", doc: "notes for people, ignored"),
                ]),
            FieldSpec("offers", "list of tags", doc: "assets the library can give"),
            FieldSpec("needs", "list of tags", doc: "assets it is looking for"),
            FieldSpec(
                "dealbreakers", "list of tags", doc: "practices it will not accept (matched against flags)"),
            FieldSpec("description", "text", doc: "notes for people, ignored"),
            FieldSpec("notes", "text", doc: "notes for people, ignored"),
        ])
}

/// `partnerships.json`: `{ "partnerships": [ … ] }`. The partnership object's own fields are
/// read by `PartnershipReader`, whose known keys come from `partnership` here.
public enum PartnershipsSchema {
    public static let file = "partnerships.json"
    public static let schema = JSONSchema(
        file: file, requiredFile: false,
        fields: [
            FieldSpec(
                "partnerships", "list of objects", required: true, doc: "the partnerships",
                fields: [partnership]),
            FieldSpec("description", "text", doc: "notes for people, ignored"),
            FieldSpec("notes", "text", doc: "notes for people, ignored"),
        ])

    /// One partnership (also the shape of a proposal file for `spectrum --file`).
    public static let partnership = FieldSpec(
        "partnership", "object", doc: "one collaboration",
        fields: [
            FieldSpec("id", "id", required: true, doc: "unique id"),
            FieldSpec("title", "text", required: true, doc: "its name"),
            FieldSpec("partners", "list of organization ids", required: true, doc: "the other parties"),
            FieldSpec("status", "proposed|active|paused|ended", required: true, doc: "where it stands"),
            FieldSpec("description", "text", doc: "what it is"),
            FieldSpec("started", "date", doc: "when it began"),
            FieldSpec("ends", "date", doc: "when it is due to end"),
            FieldSpec("initiated_by", "library|partner|joint", doc: "who proposed it"),
            FieldSpec("decisions", "library|shared|partner", doc: "who decides"),
            FieldSpec("partner_input", "none|feedback|ongoing", doc: "how partners shape it"),
            FieldSpec("co_designed", "true|false", doc: "designed together"),
            FieldSpec("library_pays", "number ≥ 0", doc: "the library's money in it"),
            FieldSpec("partner_pays", "number ≥ 0", doc: "the partners' money in it"),
            FieldSpec("contributions", "list of objects", doc: "what each party brings"),
            FieldSpec("benefits", "list of objects", doc: "what each party gains"),
            FieldSpec(
                "goals", "list of objects",
                doc:
                    "measurable goals, each toward a priority: text, metric, target, due, priority, achieved (the result), achieved_on (its date)"
            ),
            FieldSpec("milestones", "list of objects", doc: "dated steps"),
            FieldSpec("roles", "list of objects", doc: "who does what"),
            FieldSpec("communication", "object", doc: "agreed cadence and the contact log"),
            FieldSpec("agreement", "none|email|mou|contract", doc: "how it is agreed"),
            FieldSpec("exit_plan", "text", doc: "how it ends well"),
            FieldSpec("audiences", "list of tags", doc: "whom it serves"),
            FieldSpec(
                "season", "object",
                doc: "the part of the year it runs in: { \"from\": \"MM-DD\", \"to\": \"MM-DD\" }"),
            FieldSpec(
                "outcome", "met-goals|partly|fizzled|ended-early|harmful",
                doc: "how it turned out (what calibrate learns from)"),
            FieldSpec("ended_reason", "text", doc: "why it ended, in the library's words"),
            FieldSpec("notes", "text", doc: "notes for people, ignored"),
        ])
}
