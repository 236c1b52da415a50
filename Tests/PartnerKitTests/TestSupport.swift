import Foundation

@testable import PartnerKit

/// A scratch folder for one test, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "partnerkit-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) {
        let url = URL(fileURLWithPath: path + "/" + name)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
    }

    func read(_ name: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + "/" + name))).flatMap {
            String(data: $0, encoding: .utf8)
        }
    }
}

/// The repository root, found from this source file's location.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let toolkitVocabulary = repositoryRoot + "/Data/vocabulary.json"

/// A small, valid workspace that tests edit one file of to provoke one problem.
enum MiniWorkspace {
    static let library = """
        {
          "id": "lib",
          "name": "Test Library",
          "priorities": [ { "id": "work", "label": "Workforce", "weight": 3, "topics": ["employment"] } ],
          "values": ["equity"],
          "audiences": [ { "tag": "job-seekers", "weight": 2 } ],
          "offers": ["meeting-space"],
          "needs": ["financial-expertise"],
          "dealbreakers": ["sells-personal-data"]
        }
        """
    static let organizations = """
        id,name,sector,topics,audiences,offers,needs,staff_fte,annual_budget
        cu,Harbor Credit Union,business,financial-literacy,families,financial-expertise,meeting-space,40,"$1,200,000"
        wf,Workforce Council,government,employment,job-seekers,workforce-expertise,financial-expertise,12,
        """
    static let people = """
        id,name,organization,role,email,phone
        ana,Ana Ruiz,cu,Outreach lead,ana@example.org,555-0100
        """
    static let ties = """
        source,target,kind,strength,last_contact,note
        lib,cu,partnered,4,2026-10-01,
        lib,ana,knows,3,2026-09-01,
        cu,wf,knows,2,2026-05-01,
        """
    static let partnerships = """
        { "partnerships": [ { "id": "p1", "title": "Money clinic", "partners": ["cu"], "status": "active",
          "goals": [ { "text": "20 clinics", "priority": "work" } ] } ] }
        """

    static let vocabulary = """
        { "values": [ { "tag": "equity" } ],
          "audiences": [ { "tag": "job-seekers", "synonyms": ["unemployed"] }, { "tag": "families" } ],
          "topics": [ { "tag": "employment" }, { "tag": "financial-literacy" } ],
          "assets": [ { "tag": "meeting-space" }, { "tag": "financial-expertise" }, { "tag": "workforce-expertise" } ],
          "flags": [ { "tag": "sells-personal-data" } ] }
        """

    /// Writes the workspace, with `overrides` replacing whole files (nil removes one).
    static func make(_ overrides: [String: String?] = [:]) -> TemporaryFolder {
        let folder = TemporaryFolder()
        let files: [String: String] = [
            "library.json": library, "organizations.csv": organizations, "people.csv": people,
            "relationships.csv": ties, "partnerships.json": partnerships, "vocabulary.json": vocabulary,
        ]
        for (name, text) in files where overrides[name] == nil { folder.write(name, text + "\n") }
        for (name, text) in overrides { if let text { folder.write(name, text) } }
        return folder
    }

    static func load(_ overrides: [String: String?] = [:]) -> (LoadResult, TemporaryFolder) {
        let folder = make(overrides)
        return (WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary), folder)
    }
}

extension [Diagnostic] {
    /// The diagnostics as the user sees them, with the temporary folder's path removed.
    func rendered(in folder: TemporaryFolder) -> [String] {
        map { $0.formatted.replacingOccurrences(of: folder.path + "/", with: "") }
    }
}
