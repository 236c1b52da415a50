import Foundation
import Testing

@testable import PartnerKit

/// The README's table of workspace files names every column of each CSV file: that list must be
/// the schema's, in the schema's order, so a column added in one place and not the other fails.
@Suite struct SchemaDocumentationTests {
    /// The backquoted names after the first `:` of the README row for `file`, and which of them
    /// come before "optionally" (the required ones, where the row says so).
    static func readmeColumns(_ file: String) -> (all: [String], beforeOptionally: [String])? {
        guard let data = FileManager.default.contents(atPath: repositoryRoot + "/README.md"),
            let readme = String(data: data, encoding: .utf8),
            let row = readme.split(separator: "\n").first(where: { $0.hasPrefix("| `\(file)` |") })
        else { return nil }
        let cells = row.split(separator: "|", omittingEmptySubsequences: false)
        guard cells.count > 3, let colon = cells[3].firstIndex(of: ":") else { return nil }
        let text = cells[3][cells[3].index(after: colon)...]
        func names(_ s: Substring) -> [String] {
            s.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        let head = text.range(of: "optionally").map { text[..<$0.lowerBound] } ?? text
        return (names(text), names(head))
    }

    @Test(
        arguments: [OrganizationsSchema.schema, PeopleSchema.schema, RelationshipsSchema.schema].map {
            ($0.file, $0.names)
        })
    func readmeTableListsTheSchemaColumns(file: String, names: [String]) throws {
        let documented = try #require(Self.readmeColumns(file), "README.md has no row for \(file)")
        #expect(documented.all == names)
    }

    @Test func readmeSaysWhichOrganizationColumnsAreRequired() throws {
        let documented = try #require(Self.readmeColumns("organizations.csv"))
        #expect(documented.beforeOptionally == OrganizationsSchema.schema.required)
        #expect(OrganizationsSchema.schema.required == ["id", "name"])
    }

    @Test func initTemplateIsTheSchemaHeaderAndExample() {
        for schema in [OrganizationsSchema.schema, PeopleSchema.schema, RelationshipsSchema.schema] {
            let template = WorkspaceTemplate.files.first { $0.name == schema.file }?.contents
            #expect(template == schema.header + "\n" + schema.exampleRow + "\n")
            #expect(template?.hasPrefix(schema.names.joined(separator: ",") + "\n") == true)
        }
    }
}
