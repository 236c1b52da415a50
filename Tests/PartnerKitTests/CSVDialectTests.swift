import Foundation
import Testing

@testable import PartnerKit

/// `;`-separated CSV (Excel in many locales) is detected from the header line.
@Suite struct CSVDialectTests {
    @Test func semicolonHeaderIsDetectedAndRead() {
        let (rows, diagnostics) = CSVParser.rows(
            Array("id;name;topics\nx;\"X, Inc.\";a;b\n".utf8), file: "t.csv")
        #expect(diagnostics.isEmpty)
        #expect(rows.map(\.fields) == [["id", "name", "topics"], ["x", "X, Inc.", "a", "b"]])
    }

    @Test func commaHeaderStaysComma() {
        #expect(CSVDialect.detect(Array("id,name,topics\nx;y,z\n".utf8)) == CSVDialect())
    }

    @Test func quotedSeparatorsInTheHeaderDoNotCount() {
        #expect(CSVDialect.detect(Array("\"a;b\",c\n".utf8)).delimiter == CSVDialect.comma)
        #expect(CSVDialect.detect(Array("\"a,b\";c\n".utf8)).delimiter == CSVDialect.semicolon)
    }

    @Test func byteOrderMarkThenSemicolons() {
        #expect(CSVDialect.detect(Array("\u{FEFF}id;name\r\n".utf8)).delimiter == CSVDialect.semicolon)
    }

    @Test func bothSeparatorsIsReportedWithAFix() {
        let (_, diagnostics) = CSVParser.rows(Array("id,name;topics\n".utf8), file: "t.csv")
        let e = diagnostics.first { $0.severity == .error }
        #expect(e?.location == .line(1))
        #expect(e?.message.contains("separator is unclear") == true)
        #expect(e?.hint?.contains("CSV UTF-8") == true)
    }

    @Test func semicolonWorkspaceLoads() {
        func files(_ organizations: String) -> [String: [UInt8]] {
            [
                "library.json": Array(MiniWorkspace.library.utf8),
                "organizations.csv": Array(organizations.utf8),
                "vocabulary.json": Array(MiniWorkspace.vocabulary.utf8),
            ]
        }
        // The same table written by a European Excel: `;` between fields, `,` kept inside.
        let rows = CSVParser.rows(Array(MiniWorkspace.organizations.utf8), file: "o.csv").rows
        let semi = rows.map { row in
            row.fields.map { f in f.contains(";") || f.contains(",") ? "\"\(f)\"" : f }.joined(separator: ";")
        }.joined(separator: "\r\n")
        let comma = WorkspaceLoader.load(files: files(MiniWorkspace.organizations))
        let result = WorkspaceLoader.load(files: files(semi))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(result.workspace?.organizations.count == 2)
        #expect(result.workspace?.organizations.map(\.name) == comma.workspace?.organizations.map(\.name))
        #expect(
            result.workspace?.organizations.map(\.annualBudget)
                == comma.workspace?.organizations.map(\.annualBudget))
    }
}
