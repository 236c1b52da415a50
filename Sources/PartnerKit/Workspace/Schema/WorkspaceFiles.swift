/// The files of a workspace, listed once from their schemas: what `check` counts, and the
/// order in which the fuzzers split one input into files.
public enum WorkspaceFiles {
    /// One file whose records `check` counts: `58 organizations`.
    public struct Counted: Sendable {
        /// The file name inside the workspace (from its schema).
        public let file: String
        /// What its records are called in `check`'s line and its JSON `counts` key.
        public let noun: String
        public let count: @Sendable (Workspace) -> Int
    }

    /// In the order `check` prints them.
    public static let counted: [Counted] = [
        Counted(
            file: OrganizationsSchema.schema.file, noun: "organizations", count: { $0.organizations.count }),
        Counted(file: PeopleSchema.schema.file, noun: "people", count: { $0.people.count }),
        Counted(file: RelationshipsSchema.schema.file, noun: "ties", count: { $0.ties.count }),
        Counted(file: PartnershipsSchema.file, noun: "partnerships", count: { $0.partnerships.count }),
    ]

    /// The tag vocabulary a workspace may carry in place of the toolkit's.
    public static let vocabulary = "vocabulary.json"

    /// Every file the workspace loader reads from a schema, then the vocabulary: the order
    /// the fuzz targets split an input into files at 0x1E (so the corpus keeps its meaning,
    /// new files go at the end).
    public static let fuzzOrder: [String] = [
        LibrarySchema.file, OrganizationsSchema.schema.file, PeopleSchema.schema.file,
        RelationshipsSchema.schema.file, PartnershipsSchema.file, vocabulary,
    ]
}
