/// The one way a file name is joined to a folder as the user named it: `Data/sample` +
/// `people.csv` → `Data/sample/people.csv`, `Data/sample/` keeps its one slash, and the
/// current folder (`.` or nothing) adds no `./`, so messages name files the way the user
/// would type them.
public func joinPath(_ directory: String, _ name: String) -> String {
    if directory == "." || directory.isEmpty { return name }
    return directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
}
