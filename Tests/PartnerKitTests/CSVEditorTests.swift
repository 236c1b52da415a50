import Foundation
import Testing

@testable import PartnerKit

/// The CSV editor keeps every byte it was not asked to change.
@Suite struct CSVEditorTests {
    func edit(_ text: String, _ body: (inout CSVEditor) throws -> Void) throws -> String {
        var csv = try CSVEditor(bytes: Array(text.utf8), file: "t.csv")
        try body(&csv)
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    @Test func appendKeepsCRLFQuotingAndUnknownColumns() throws {
        let before = "id,name,favourite_colour,topics\r\nx,\"Ex, Inc.\",blue,a;b\r\n"
        let after = try edit(before) {
            try $0.appendRow(["id": "y", "name": "Why \"Y\" Ltd", "topics": "c"])
        }
        #expect(after == before + "y,\"Why \"\"Y\"\" Ltd\",,c\r\n")
        // The reader reads the appended row back as written.
        let rows = CSVParser.rows(Array(after.utf8), file: "t.csv").rows
        #expect(rows.last?.fields == ["y", "Why \"Y\" Ltd", "", "c"])
    }

    @Test func appendWithoutFinalLineEndKeepsItsAbsence() throws {
        let after = try edit("id,name\nx,X") {
            try $0.appendRows([["id": "y", "name": "Y"], ["id": "z", "name": "Z"]])
        }
        #expect(after == "id,name\nx,X\ny,Y\nz,Z")
    }

    @Test func appendInColumnOrderOfTheFile() throws {
        let after = try edit("name,id\n") { try $0.appendRow(["id": "a", "name": "A"]) }
        #expect(after == "name,id\nA,a\n")
    }

    @Test func quotedEverywhereStaysQuoted() throws {
        let after = try edit("\"id\",\"name\"\n\"x\",\"X\"\n") { try $0.appendRow(["id": "y", "name": "Y"]) }
        #expect(after == "\"id\",\"name\"\n\"x\",\"X\"\n\"y\",\"Y\"\n")
    }

    @Test func semicolonFileGetsSemicolons() throws {
        let after = try edit("id;name;topics\nx;X, Inc.;a\n") {
            try $0.appendRow(["id": "y", "name": "Y; Z", "topics": "b"])
        }
        #expect(after == "id;name;topics\nx;X, Inc.;a\ny;\"Y; Z\";b\n")
    }

    @Test func appendReportsTheLineOfTheNewRow() throws {
        var csv = try CSVEditor(bytes: Array("h\n\"a\nb\"\n\n".utf8), file: "t.csv")
        let line = try csv.appendRow(["h": "c"])
        #expect(line == 5)
        let rows = CSVParser.rows(csv.bytes, file: "t.csv").rows
        #expect(rows.last?.line == 5)
    }

    @Test func unknownColumnIsAnError() throws {
        var csv = try CSVEditor(bytes: Array("id,name\n".utf8), file: "t.csv")
        #expect(throws: EditError.self) { try csv.appendRow(["id": "a", "staff_fte": "3"]) }
        #expect(csv.bytes == Array("id,name\n".utf8))
    }

    @Test func headerNamesNormaliseAsTheReaderDoes() throws {
        let after = try edit("ID,Staff FTE\r\n") { try $0.appendRow(["id": "a", "staff_fte": "3"]) }
        #expect(after == "ID,Staff FTE\r\na,3\r\n")
    }

    @Test func setCellChangesOnlyThatCell() throws {
        let before = "source,target,last_contact,note\nhcpl,a,2026-01-01,\"long, note\"\nhcpl,b,,x\n"
        let after = try edit(before) {
            let row = try #require($0.firstRow(where: "target", is: "b"))
            try $0.set(row: row, column: "last_contact", to: "2026-11-29")
        }
        #expect(
            after
                == "source,target,last_contact,note\nhcpl,a,2026-01-01,\"long, note\"\nhcpl,b,2026-11-29,x\n")
    }

    @Test func setQuotedCellStaysQuoted() throws {
        let after = try edit("a,b\n\"1\",2\n") { try $0.set(row: 0, column: "a", to: "9") }
        #expect(after == "a,b\n\"9\",2\n")
    }

    @Test func addColumnTouchesOnlyTheEndsOfLines() throws {
        let after = try edit("id,name\r\nx,\"X\r\nY\"\r\nz,Z") { try $0.addColumn("ein") }
        #expect(after == "id,name,ein\r\nx,\"X\r\nY\",\r\nz,Z,")
    }

    @Test func newFileFromColumns() throws {
        var csv = CSVEditor(columns: ["id", "name"], file: "t.csv")
        try csv.appendRow(["id": "a", "name": "A"])
        #expect(String(decoding: csv.bytes, as: UTF8.self) == "id,name\na,A\n")
    }

    @Test func byteOrderMarkIsKept() throws {
        let after = try edit("\u{FEFF}id,name\n") { try $0.appendRow(["id": "a", "name": "A"]) }
        #expect(after == "\u{FEFF}id,name\na,A\n")
    }
}
