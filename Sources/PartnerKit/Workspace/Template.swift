/// The files `partnerkit init` writes: a minimal workspace that passes `check`, with a README
/// that explains every file and column. The CSV files and the README's column table come from
/// the schemas (`OrganizationsSchema`, `PeopleSchema`, `RelationshipsSchema`).
public enum WorkspaceTemplate {
    public static let files: [(name: String, contents: String)] = [
        ("README.md", readme), ("library.json", library), ("organizations.csv", organizations),
        ("people.csv", people), ("relationships.csv", relationships), ("partnerships.json", partnerships),
    ]

    /// A CSV file's template: the schema's header and its example row.
    static func csv(_ schema: CSVSchema) -> String { schema.header + "\n" + schema.exampleRow + "\n" }

    static let library = """
        {
          "id": "library",
          "name": "Your Library",
          "priorities": [
            { "id": "workforce", "label": "Workforce development", "weight": 3,
              "topics": ["employment", "career-training"] },
            { "id": "early-literacy", "label": "Early literacy", "weight": 2,
              "topics": ["early-literacy", "reading"] }
          ],
          "values": ["equity", "inclusion", "privacy", "lifelong-learning"],
          "audiences": [ { "tag": "job-seekers", "weight": 3 }, { "tag": "families", "weight": 2 } ],
          "offers": ["meeting-space", "public-computers", "research-help"],
          "needs": ["financial-expertise", "workforce-expertise"],
          "dealbreakers": ["sells-personal-data"]
        }

        """

    static let organizations = csv(OrganizationsSchema.schema)

    static let people = csv(PeopleSchema.schema)

    static let relationships = csv(RelationshipsSchema.schema)

    static let partnerships = """
        {
          "partnerships": [
            {
              "id": "money-clinic",
              "title": "Monthly money clinic",
              "partners": ["example-cu"],
              "status": "proposed",
              "description": "Free one-to-one financial counselling at the library.",
              "initiated_by": "joint",
              "decisions": "shared",
              "partner_input": "ongoing",
              "co_designed": true,
              "contributions": [
                { "party": "library", "kind": "space", "what": "meeting room, evenings" },
                { "party": "example-cu", "kind": "expertise", "what": "two counsellors" }
              ],
              "benefits": [
                { "party": "library", "what": "a service job seekers ask for" },
                { "party": "example-cu", "what": "reach new members" }
              ],
              "goals": [ { "text": "Counsel 100 residents in the first year", "metric": "people counselled",
                           "target": 100, "due": "2027-06-30", "priority": "workforce" } ],
              "roles": [ { "party": "library", "does": "room, promotion, sign-ups" },
                         { "party": "example-cu", "does": "counsellors, materials" } ],
              "communication": { "cadence_days": 30, "log": [] },
              "agreement": "email",
              "exit_plan": "Either side may end it with a month's notice; sign-ups are handed over."
            }
          ]
        }

        """

    static let readme = """
        # A PartnerKit workspace

        One folder describes one library and its community. Check it with
        `partnerkit check --workspace THIS-FOLDER`; every problem is reported with its file and line.

        ## library.json (required)
        - `id`: the library's node in the relationship graph (use it, or `library`, in relationships.csv).
        - `name`: the library's name.
        - `priorities`: what the library is working toward. Each has an `id` (used by partnership goals),
          a `label`, a `weight` (positive; how much it matters relative to the others, default 1) and `topics`.
        - `values`: what the library stands for (tags).
        - `audiences`: whom it serves, each `{ "tag": …, "weight": … }`.
        - `offers` / `needs`: assets the library can give and is looking for (tags).
        - `dealbreakers`: practices it will not accept in a partner (tags matched against organizations' `flags`).

        ## organizations.csv (required)
        One row per candidate or current partner. Column order is free; an empty cell means *unknown*, not zero.
        List cells are separated by `;`. Tags are case-insensitive; spaces become hyphens.

        \(OrganizationsSchema.schema.markdownTable)
        ## people.csv (optional, private)
        `id`, `name`, `organization` (an organization id), `role`, `email`, `phone`.
        Email and phone never appear in any output unless you pass `--include-contacts`.

        ## relationships.csv (optional)
        Ties between the library, organizations and people: `source`, `target` (ids), `kind`
        (knows, partnered, coalition, board, funder, referral), `strength` (1 acquainted, 2 working
        contact, 3 trusted, 4 close partner), `last_contact` (YYYY-MM-DD) and a `note`.
        A person is tied to their organization automatically.

        ## partnerships.json (optional)
        `{ "partnerships": [ … ] }`. Only `id`, `title`, `partners` and `status` (proposed, active,
        paused, ended) are required; the rest (who decides, contributions, goals, milestones, roles,
        communication, agreement, exit plan) is what `partnerkit spectrum` and `partnerkit review`
        assess — missing pieces are reported as gaps, not as errors.

        ## vocabulary.json (optional)
        Your own tag vocabulary, replacing the toolkit's `Data/vocabulary.json`.

        ## reviews/ (written by `partnerkit review --save`)
        Quarterly snapshots, compared quarter over quarter.

        """
}
