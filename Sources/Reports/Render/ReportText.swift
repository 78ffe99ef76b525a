import Records

/// Wording shared by the Markdown and HTML reports, so both say the same thing.
enum ReportText {
    static let title = "Tidings report"

    static func intro(_ model: ReportModel) -> String {
        let langs = model.documentsByLanguage.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        let read = model.documentsByLanguage.reduce(0) { $0 + $1.1 }
        return "Selection: \(model.filter.summary). \(plural(model.rows.count, "story", "stories")) from \(model.reportingDocuments) of \(plural(read, "article", "articles"))"
            + (langs.isEmpty ? "" : " (\(langs))") + "."
    }

    static let policy = "A story is one real-world event, however many articles report it; counts are stories, not articles. "
        + "Where sources disagree on a number, the smallest credible figure is shown (the conservative policy ACLED follows) and every source's figure is listed with its article."

    /// At most this many story ids are listed in a cell; the rest are counted.
    static let idsShown = 12

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    static func figure(_ f: StoryFigure) -> String {
        var s = number(f.amount)
        if let mod = f.mod { s = "\(mod.rawValue.replacing("_", with: " ")) \(s)" }
        return s + (f.perSide ? " per side" : "")
    }

    /// `3 (en-a), 4 (zh-b)`.
    static func figures(_ figures: [StoryFigure]) -> String {
        figures.map { "\(figure($0)) (\($0.source.doc))" }.joined(separator: ", ")
    }

    static func conservative(_ tally: Tally) -> String {
        guard let c = tally.conservative else { return "—" }
        return number(c.total)
    }

    static func date(_ story: Story) -> String { story.date?.iso ?? "—" }

    static func names(_ refs: [NameRef]) -> String { refs.isEmpty ? "—" : refs.map(\.display).joined(separator: "; ") }

    static func typeName(_ t: String) -> String { t.replacing("_", with: " ") }

    /// Who did what to whom: agents → patients, or the sides.
    static func who(_ row: StoryRow) -> String {
        let agents = row.roles["agent"] ?? [], patients = row.roles["patient"] ?? [], sides = row.roles["participant"] ?? []
        var parts: [String] = []
        if !sides.isEmpty { parts.append(names(sides)) }
        switch (agents.isEmpty, patients.isEmpty) {
        case (false, false): parts.append(names(agents) + " → " + names(patients))
        case (false, true): parts.append("by " + names(agents))
        case (true, false): parts.append("against " + names(patients))
        case (true, true): break
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    /// The evidence without its link: the sentence quoted, or its place in the article when the text is unknown.
    static func quote(_ e: EvidenceRef) -> String {
        if let s = e.sentence { return "“\(s)”" }
        return "characters \(e.span.start)–\(e.span.end), trigger “\(e.trigger)”"
    }

    static let namesNote = "Canonical names, with the other ways the sources wrote them in brackets."

    static func weekLabel(_ unit: String) -> String { unit == "week" ? "ISO week" : "day" }
}
