import Testing

@testable import PartnerKit

@Suite struct TagTests {
    @Test(arguments: [
        ("Job Seekers", "job-seekers"), ("  Early   Literacy ", "early-literacy"), ("ÉQUITÉ", "équité"),
        ("meeting_space", "meeting-space"), ("a", "a"),
    ])
    func normalizes(_ raw: String, _ want: String) {
        #expect(Tag.normalize(raw) == want)
    }

    @Test func vocabularyMapsSynonymsAndSuggests() {
        var v = Vocabulary()
        v.add(
            VocabularyTerm(
                tag: "job-seekers", label: "Job seekers", synonyms: ["unemployed", "Job Hunters"]),
            to: .audiences)
        v.add(VocabularyTerm(tag: "families"), to: .audiences)
        #expect(v.canonical("unemployed", in: .audiences) == "job-seekers")
        #expect(v.canonical(Tag.normalize("Job Hunters"), in: .audiences) == "job-seekers")
        #expect(v.canonical("job-seekers", in: .audiences) == "job-seekers")
        #expect(v.canonical("job-seekers", in: .topics) == nil)
        #expect(v.suggestion(for: "job-seeker", in: .audiences) == "job-seekers")
        #expect(v.suggestion(for: "zzzzzzzz", in: .audiences) == nil)
    }

    @Test func editDistanceBasics() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("same", "same") == 0)
    }

    @Test func nearestIsTheOneDidYouMeanSearch() {
        #expect(nearest("harbor-c", in: ["harbor-cu", "harbor-museum", "x"]) == "harbor-cu")
        #expect(nearest("abc", in: ["abd", "abe"]) == "abd", "ties go to the smaller string")
        #expect(nearest("abc", in: ["xyz"]) == nil, "nothing within the limit")
        #expect(nearest("chekc", in: ["check", "score"], maxDistance: 2) == "check")
        #expect(nearest("zzzzzzz", in: ["check"], maxDistance: 2) == nil)
    }

    @Test func internedListsAreSortedAndIntersect() {
        var table = TagTable()
        let a = table.intern("alpha"), b = table.intern("beta"), c = table.intern("gamma")
        #expect(table.intern("beta") == b)
        #expect(table.name(a) == "alpha")
        let lists = TagLists([.topics: [c, a, b, a], .offers: [b]], known: [.topics, .offers])
        #expect(Array(lists[.topics]) == [a, b, c])
        #expect(lists.isKnown(.offers) && !lists.isKnown(.needs))
        #expect(sortedIntersectionCount([a, b, c], [b, c]) == 2)
        #expect(sortedIntersection([a, c], [b, c]) == [c])
    }
}
