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

/// Numbers in a `;`-separated file, as a spreadsheet with a decimal comma writes them.
@Suite struct DecimalCommaTests {
    @Test(arguments: [
        ("0,5", 0.5), ("12,75", 12.75), ("1.234,5", 1234.5), ("1.234.567", 1_234_567.0),
        ("1.234.567,89", 1_234_567.89), ("€ 1 234,50", 1234.5), ("1\u{00A0}234,5", 1234.5),
        ("350000", 350_000.0), ("2.5", 2.5), ("0,125", 0.125), ("0.125", 0.125), ("1,234.5", 1234.5),
        ("$120,000", 120_000.0), ("$1,200.50", 1200.5), ("350.000 €", 350_000.0), ("-0,5", -0.5),
    ])
    func readsTheNumber(cell: String, value: Double) {
        #expect(CSVDialect.decimalCommaNumber(cell) == .value(value), "\(cell)")
    }

    /// A lone mark before three digits could be either reading: reported, never guessed.
    @Test(arguments: [("1.234", 1234.0, 1.234), ("350.000", 350_000.0, 350.0), ("120,000", 120_000.0, 120.0)])
    func aLoneMarkBeforeThreeDigitsIsAmbiguous(cell: String, whole: Double, decimal: Double) {
        #expect(CSVDialect.decimalCommaNumber(cell) == .ambiguous(whole, decimal), "\(cell)")
    }

    @Test(arguments: ["lots", "1.2.3", "1,2,3", "1.234,5,6", "nan", "inf", ",", "1.23.456", ""])
    func textIsNotANumber(cell: String) {
        #expect(CSVDialect.decimalCommaNumber(cell) == .notANumber, "\(cell)")
    }

    /// The reader: organizations.csv saved by a European Excel, numbers and all.
    @Test func aSemicolonWorkspaceReadsDecimalCommas() throws {
        let organizations =
            "id;name;staff_fte;annual_budget;volunteers\r\ncu;Credit Union;0,5;1.234,5;12\r\nwf;Workforce;2,25;1.200.000;\r\n"
        let files: [String: [UInt8]] = [
            "library.json": Array(MiniWorkspace.library.utf8), "organizations.csv": Array(organizations.utf8),
            "vocabulary.json": Array(MiniWorkspace.vocabulary.utf8),
        ]
        let result = WorkspaceLoader.load(files: files)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let ws = try #require(result.workspace)
        #expect(ws.organizations.map(\.staffFTE) == [0.5, 2.25])
        #expect(ws.organizations.map(\.annualBudget) == [1234.5, 1_200_000])
    }

    @Test func anAmbiguousNumberSaysSoAndHowToFixIt() {
        let organizations = "id;name;annual_budget\ncu;Credit Union;350.000\n"
        let ties = "source;target;kind;strength\nlibrary;cu;knows;2,5\n"
        let files: [String: [UInt8]] = [
            "library.json": Array(MiniWorkspace.library.utf8), "organizations.csv": Array(organizations.utf8),
            "relationships.csv": Array(ties.utf8), "vocabulary.json": Array(MiniWorkspace.vocabulary.utf8),
        ]
        let result = WorkspaceLoader.load(files: files)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.diagnostics.map(\.formatted))")
        #expect(errors.first?.location == .line(2))
        #expect(errors.first?.message.contains(#"annual_budget: "350.000" could be 350000 or 350"#) == true)
        #expect(errors.first?.hint == "write it as 350000 (no separator) or as 350, whichever you mean")
        // The tie's strength 2,5 was read as 2.5: no error for it.
        #expect(
            !result.diagnostics.contains { $0.file.hasSuffix("relationships.csv") && $0.severity == .error })
    }

    /// A comma-separated file keeps reading `1,200` as twelve hundred.
    @Test func aCommaFileIsUnchanged() {
        #expect(CellParser.number("1,200", positive: false) == .value(1200))
        #expect(CellParser.number("1,200", positive: false, decimalComma: true) == .ambiguous(1200, 1.2))
        #expect(CellParser.number("0,5", positive: false, decimalComma: true) == .value(0.5))
        let d = WorkspaceLoader.ambiguousNumber(
            "1.234", column: "staff_fte", file: "o.csv", line: 3, 1234, 1.234)
        #expect(d.hint == "write it as 1234 (no separator) or as 1,2340, whichever you mean")
    }
}
