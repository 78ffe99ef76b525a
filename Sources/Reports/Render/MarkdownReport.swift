import Records

/// The report as GitHub-flavoured Markdown: tables, text bars for the charts, links to the sources.
public enum MarkdownReport {
    public static func render(_ model: ReportModel) -> String {
        var out = "# \(ReportText.title)\n\n\(Escape.markdownCell(ReportText.intro(model)))\n\n\(ReportText.policy)\n\n"
        out += overview(model)
        out += ceasefires(model)
        out += exchanges(model)
        out += casualties(model)
        out += actors(model)
        out += allStories(model)
        out += rules(model)
        out += sources(model)
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "_None in this selection._\n\n" }
        var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    static func cell(_ s: String) -> String { Escape.markdownCell(s) }

    static func link(_ doc: String, _ url: String?) -> String {
        guard let url else { return "[\(cell(doc))](#source-\(Escape.anchor(doc)))" }
        return "[\(cell(doc))](\(url.replacing(" ", with: "%20").replacing(")", with: "%29")))"
    }

    /// `2: [S3](#story-S3), [S4](#story-S4)`, linking the rows of "All stories".
    static func stories(_ ids: [String]) -> String {
        let shown = ids.prefix(ReportText.idsShown).map { "[\($0)](#story-\($0))" }.joined(separator: ", ")
        let more = ids.count > ReportText.idsShown ? ", … \(ids.count - ReportText.idsShown) more" : ""
        return "\(ids.count): \(shown)\(more)"
    }

    static func evidence(_ row: StoryRow) -> String {
        row.evidence.map { "\(cell(ReportText.quote($0))) — \(link($0.doc, $0.url))" }.joined(separator: "<br>")
    }

    static func overview(_ m: ReportModel) -> String {
        var out = "## Overview\n\n"
        out += table(["articles", "count"], m.documentsByLanguage.map { [$0.0.rawValue, String($0.1)] })
        let stories = Dictionary(m.storiesByType, uniquingKeysWith: +)
        out += table(["type", "stories", "events (zh)", "events (en)"],
                     m.eventsByType.map { [ReportText.typeName($0.0), String(stories[$0.0] ?? 0), String($0.1), String($0.2)] })
        out += "### Stories per \(ReportText.weekLabel(m.timelineUnit))\n\n"
        var rows: [[String]] = []
        for (i, label) in m.timelineLabels.enumerated() {
            let counts = m.timelineSeries.map { Int($0.values[i]) }
            let total = counts.reduce(0, +)
            guard total > 0 else { continue }
            rows.append([label] + counts.map { $0 == 0 ? "" : String($0) } + [String(total), String(repeating: "█", count: min(total, 40))])
        }
        out += table([ReportText.weekLabel(m.timelineUnit)] + m.timelineSeries.map { ReportText.typeName($0.name) } + ["total", ""], rows)
        return out
    }

    static func ceasefires(_ m: ReportModel) -> String {
        "## Ceasefire tracker\n\n" + table(["story", "date", "parties", "status", "scope", "duration", "evidence"], m.rows(ofType: ["ceasefire"]).map { r in
            [r.story.id, ReportText.date(r.story), cell(ReportText.names(r.actors)), cell(r.attr("status")), cell(r.attr("scope")),
             cell(r.durations.joined(separator: "; ")), evidence(r)]
        })
    }

    static func exchanges(_ m: ReportModel) -> String {
        let rows = m.rows(ofType: ["prisoner_exchange"])
        var out = "## Prisoner exchanges\n\n"
        out += table(["story", "date", "sides", "released per side", "released in total", "every source's figure", "evidence"], rows.map { r in
            let t = Tally(r.story, "released")
            let perSide = t.all.filter(\.perSide).min { ($0.amount, $0.source) < ($1.amount, $1.source) }
            return [r.story.id, ReportText.date(r.story), cell(ReportText.names(r.actors)), perSide.map { ReportText.number($0.amount) } ?? "—",
                    ReportText.conservative(t), cell(ReportText.figures(t.all)), evidence(r)]
        })
        var total = 0.0
        out += "### Released, cumulative\n\n" + table(["story", "date", "released", "cumulative"], rows.map { r in
            let v = Tally(r.story, "released").value
            total += v
            return [r.story.id, ReportText.date(r.story), ReportText.number(v), ReportText.number(total)]
        })
        return out
    }

    static func casualties(_ m: ReportModel) -> String {
        var out = "## Casualties\n\nAttacks and accidents; killed, injured and missing are conservative figures.\n\n"
        out += table(["story", "type", "date", "place", "killed", "injured", "missing", "every source's figure", "evidence"],
                     m.rows(ofType: ["attack", "accident"]).map { r in
            let figures = ["killed", "injured", "missing"].compactMap { role -> String? in
                let t = Tally(r.story, role)
                return t.all.isEmpty ? nil : "\(role): " + ReportText.figures(t.all)
            }
            return [r.story.id, ReportText.typeName(r.story.type), ReportText.date(r.story), cell(ReportText.names(r.places)),
                    ReportText.conservative(Tally(r.story, "killed")), ReportText.conservative(Tally(r.story, "injured")),
                    ReportText.conservative(Tally(r.story, "missing")), cell(figures.joined(separator: "; ")), evidence(r)]
        })
        func totals(_ list: [CasualtyTotal]) -> [[String]] {
            list.map { [cell($0.key), stories($0.storyIDs), ReportText.number($0.killed), ReportText.number($0.injured), ReportText.number($0.missing)] }
        }
        out += "### Totals by place\n\n" + table(["place", "stories", "killed", "injured", "missing"], totals(m.casualtiesByPlace))
        out += "### Totals by week\n\n" + table(["ISO week", "stories", "killed", "injured", "missing"], totals(m.casualtiesByWeek))
        return out
    }

    static func actors(_ m: ReportModel) -> String {
        func byType(_ a: ActorActivity) -> String { a.byType.map { "\(ReportText.typeName($0.0)) \($0.1)" }.joined(separator: ", ") }
        return "## Actors\n\n\(ReportText.namesNote)\n\n### Most active actors\n\n"
            + table(["actor", "stories", "by type"], m.actors.map { [cell($0.label), stories($0.storyIDs), byType($0)] })
            + "### Who did what to whom\n\n"
            + table(["pair", "stories", "by type"], m.pairs.map { [cell($0.label), stories($0.storyIDs), byType($0)] })
    }

    static func allStories(_ m: ReportModel) -> String {
        "## All stories\n\n" + table(["story", "date", "type", "who", "where", "articles", "evidence"], m.rows.map { r in
            ["<a id=\"story-\(r.story.id)\"></a>\(r.story.id)", ReportText.date(r.story), ReportText.typeName(r.story.type), cell(ReportText.who(r)), cell(ReportText.names(r.places)),
             String(r.story.documents.count), evidence(r)]
        })
    }

    static func rules(_ m: ReportModel) -> String {
        "## Rules fired\n\nFor rule authors: how many event records each rule produced among these stories.\n\n"
            + table(["rule", "written at", "events", "stories"], m.rules.map { ["`\($0.rule)`", "`\($0.source)`", String($0.events), stories($0.storyIDs)] })
    }

    static func sources(_ m: ReportModel) -> String {
        "## Sources\n\n" + table(["article", "date", "lang", "title"], m.sources.map { d in
            ["<a id=\"source-\(Escape.anchor(d.result.doc))\"></a>" + link(d.result.doc, d.url), d.result.referenceDate?.iso ?? "—",
             d.result.language.rawValue, cell(d.title ?? "")]
        })
    }
}
