import Foundation

/// Where scoring meets the relationship graph: the `relationship` dimension's credit for an
/// organization the library has no direct tie with (the best warm path, counted at the
/// rubric's `warm_path_factor`), and `vet`'s warm paths.
extension ScoringEngine {
    /// A scoring engine whose relationship dimension also credits warm paths: one hop-bounded
    /// pass over the ties from the library (`RelationshipGraph.bestTrustToOrganizations`), then a table
    /// lookup per organization. Skipped when the rubric gives warm paths no weight.
    ///
    /// - Complexity: O(n + m log m) to build the graph, O(H · m) for the trust pass.
    public static func withWarmPaths(
        workspace w: Workspace, rubric: Rubric, asOf: Day, options: WarmPathOptions = WarmPathOptions()
    ) -> ScoringEngine {
        withWarmPaths(workspace: w, rubric: rubric, asOf: asOf, options: options, missions: nil)
    }

    /// As above, with the mission statistics of a whole file (`StreamingScore`).
    static func withWarmPaths(
        workspace w: Workspace, rubric: Rubric, asOf: Day, options: WarmPathOptions,
        missions: MissionStatistics?
    ) -> ScoringEngine {
        let relationshipWeight = rubric.weights[Dimension.relationship.index]
        guard relationshipWeight > 0, rubric.parameters.warmPathFactor > 0, !w.ties.isEmpty else {
            return ScoringEngine(
                workspace: w, rubric: rubric, asOf: asOf, warmPathStrength: nil, missions: missions)
        }
        let table = RelationshipGraph.bestTrustToOrganizations(workspace: w, asOf: asOf, options: options)
        return ScoringEngine(
            workspace: w, rubric: rubric, asOf: asOf,
            warmPathStrength: { i in
                i >= 0 && i < table.count && table[i] > 0 ? table[i] : nil
            }, missions: missions)
    }

    /// `vet` with the warm paths from the library to the organization filled in.
    public func vetWithWarmPaths(_ id: String, options: WarmPathOptions = WarmPathOptions()) -> Vetting? {
        guard var v = vet(id) else { return nil }
        let g = RelationshipGraph(workspace: workspace)
        guard let from = g.node(workspace.library.id), let to = g.node(id) else { return v }
        let paths = g.warmPaths(from: from, to: to, asOf: asOf, options: options)
        guard !paths.isEmpty else { return v }
        v.warmPaths = WarmRoutes(
            from: g.ids[from], target: id,
            routes: paths.map { WarmRoute($0, graph: g, workspace: workspace) })
        // Say what is true: no direct tie, but a warm path through someone the library knows.
        if v.ties.isEmpty, let best = paths.first {
            let through = best.nodes.dropFirst().dropLast().map { workspace.displayName(g.ids[$0]) }
            v.warmPathVia = through
            let text =
                "no direct tie, but a warm path through \(through.joined(separator: " and ")) (strength \(formatNumber(best.strength, maxFractionDigits: 2)) of 1): ask \(through.first ?? "them") for an introduction"
            if let k = v.readiness.firstIndex(where: { $0.check == .existingRelationship }) {
                v.readiness[k].detail = text
            }
            if let d = v.candidate.dimensions.firstIndex(where: { $0.dimension == .relationship }) {
                let dim = v.candidate.dimensions[d]
                dim.reasons.first.map { old in
                    v.candidate.reasons = v.candidate.reasons.map {
                        $0.hasSuffix(old) ? String($0.dropLast(old.count)) + text : $0
                    }
                }
                v.candidate.dimensions[d].reasons = [
                    text
                        + "; an introduction counts for less than a tie of the library's own (\(formatNumber(rubric.parameters.warmPathFactor)) of the path's strength)"
                ]
            }
        }
        return v
    }
}
