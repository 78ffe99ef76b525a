import Records

/// The report as one self-contained HTML file: inline CSS, inline SVG charts, no network, readable
/// printed and on a phone (tables turn into labelled blocks below 640 px).
public enum HTMLReport {
    public static func render(_ model: ReportModel) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(ReportText.title)</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header><h1>\(ReportText.title)</h1>\n<p class=\"lede\">\(Escape.xml(ReportText.intro(model)))</p>\n"
        out += "<p class=\"policy\">\(Escape.xml(ReportText.policy))</p>\n"
        out += "<nav><ul><li><a href=\"#overview\">Overview</a></li><li><a href=\"#ceasefires\">Ceasefires</a></li><li><a href=\"#exchanges\">Prisoner exchanges</a></li><li><a href=\"#casualties\">Casualties</a></li><li><a href=\"#actors\">Actors</a></li><li><a href=\"#stories\">All stories</a></li><li><a href=\"#rules\">Rules</a></li><li><a href=\"#sources\">Sources</a></li></ul></nav></header>\n"
        out += overview(model)
        out += ceasefires(model)
        out += exchanges(model)
        out += casualties(model)
        out += actors(model)
        out += allStories(model)
        out += rules(model)
        out += sources(model)
        return out + "</main>\n</body>\n</html>\n"
    }

    /// A cell: its header as a label (shown on narrow screens), a class, and HTML content.
    struct Cell {
        var html: String
        var numeric = false
        var wide = false
        init(_ text: String) { html = Escape.xml(text) }
        init(html: String, numeric: Bool = false, wide: Bool = false) {
            self.html = html
            self.numeric = numeric
            self.wide = wide
        }
        static func n(_ text: String) -> Cell { Cell(html: Escape.xml(text), numeric: true) }
    }

    /// A table; one of more than five columns turns into labelled blocks on a phone, a narrower one stays a table.
    static func table(_ header: [String], _ rows: [[Cell]], numeric: Set<Int> = []) -> String {
        guard !rows.isEmpty else { return "<p class=\"none\">None in this selection.</p>\n" }
        var out = header.count > 5 ? "<div class=\"table stack\"><table class=\"rows\">" : "<div class=\"table\"><table>"
        out += "<thead><tr>"
        for (i, h) in header.enumerated() { out += "<th\(numeric.contains(i) ? " class=\"n\"" : "")>\(Escape.xml(h))</th>" }
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, c) in row.enumerated() {
                let cls = [c.numeric ? "n" : nil, c.wide ? "ev" : nil].compactMap { $0 }.joined(separator: " ")
                out += "<td data-label=\"\(Escape.xml(i < header.count ? header[i] : ""))\"\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(c.html)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    static func link(_ doc: String, _ url: String?) -> String {
        "<a href=\"\(Escape.xml(url ?? "#source-\(Escape.anchor(doc))"))\">\(Escape.xml(doc))</a>"
    }

    static func evidence(_ row: StoryRow) -> Cell {
        let html = row.evidence.map { e -> String in
            let quote: String
            if let (before, trigger, after) = e.sentenceParts {
                quote = "“\(Escape.xml(before))<mark>\(Escape.xml(trigger))</mark>\(Escape.xml(after))”"
            } else {
                quote = Escape.xml(ReportText.quote(e))
            }
            return "<p>\(quote) <span class=\"src\">— \(link(e.doc, e.url))</span></p>"
        }.joined()
        // One wrapper, so on a phone the paragraphs stay in the value column of the block.
        return Cell(html: "<div>\(html)</div>", wide: true)
    }

    /// `2: S3, S4`, each a link to its row in "All stories".
    static func stories(_ ids: [String]) -> Cell {
        let shown = ids.prefix(ReportText.idsShown).map { "<a href=\"#story-\($0)\">\($0)</a>" }.joined(separator: ", ")
        let more = ids.count > ReportText.idsShown ? ", … \(ids.count - ReportText.idsShown) more" : ""
        return Cell(html: "\(ids.count): \(shown)\(more)")
    }

    static func section(_ id: String, _ title: String) -> String { "<section id=\"\(id)\">\n<h2>\(Escape.xml(title))</h2>\n" }

    static func legend(_ names: [String]) -> String {
        "<ul class=\"legend\">" + names.map { "<li><i style=\"background:\(Palette.color($0))\"></i>\(Escape.xml(ReportText.typeName($0)))</li>" }.joined() + "</ul>\n"
    }

    static func overview(_ m: ReportModel) -> String {
        var out = section("overview", "Overview")
        let read = m.documentsByLanguage.reduce(0) { $0 + $1.1 }
        let events = m.eventsByType.reduce(0) { $0 + $1.1 + $1.2 }
        out += "<div class=\"cards\">"
        for (label, value) in [("stories", m.rows.count), ("articles reporting them", m.reportingDocuments), ("articles read", read), ("event records", events)] {
            out += "<div class=\"card\"><b>\(value)</b>\(label)</div>"
        }
        out += "</div>\n"
        let stories = Dictionary(m.storiesByType, uniquingKeysWith: +)
        out += table(["type", "stories", "events (zh)", "events (en)"], m.eventsByType.map {
            [Cell(ReportText.typeName($0.0)), .n(String(stories[$0.0] ?? 0)), .n(String($0.1)), .n(String($0.2))]
        }, numeric: [1, 2, 3])
        out += "<h3>Stories per \(ReportText.weekLabel(m.timelineUnit)), by type</h3>\n"
        out += legend(m.timelineSeries.map(\.name))
        let title = "Stories per \(ReportText.weekLabel(m.timelineUnit)), stacked by type"
        out += SVGChart.stackedBars(title: title, labels: m.timelineLabels, series: m.timelineSeries, cssClass: "chart wide") + "\n"
        out += SVGChart.stackedBars(title: title, labels: m.timelineLabels, series: m.timelineSeries, width: 360, height: 220, cssClass: "chart narrow") + "\n"
        return out + "</section>\n"
    }

    static func ceasefires(_ m: ReportModel) -> String {
        section("ceasefires", "Ceasefire tracker") + table(["story", "date", "parties", "status", "scope", "duration", "evidence"], m.rows(ofType: ["ceasefire"]).map { r in
            [Cell(r.story.id), Cell(ReportText.date(r.story)), Cell(ReportText.names(r.actors)), Cell(r.attr("status")), Cell(r.attr("scope")),
             Cell(r.durations.joined(separator: "; ")), evidence(r)]
        }) + "</section>\n"
    }

    static func exchanges(_ m: ReportModel) -> String {
        let rows = m.rows(ofType: ["prisoner_exchange"])
        var out = section("exchanges", "Prisoner exchanges")
        out += table(["story", "date", "sides", "released per side", "released in total", "every source's figure", "evidence"], rows.map { r in
            let t = Tally(r.story, "released")
            let perSide = t.all.filter(\.perSide).min { ($0.amount, $0.source) < ($1.amount, $1.source) }
            return [Cell(r.story.id), Cell(ReportText.date(r.story)), Cell(ReportText.names(r.actors)), .n(perSide.map { ReportText.number($0.amount) } ?? "—"),
                    .n(ReportText.conservative(t)), Cell(ReportText.figures(t.all)), evidence(r)]
        }, numeric: [3, 4])
        out += "<h3>Prisoners released, cumulative</h3>\n"
        let labels = rows.map { r in r.story.date.map { String($0.iso.dropFirst(5)) } ?? r.story.id }
        let values = rows.map { Tally($0.story, "released").value }
        let title = "Prisoners released, cumulative, by exchange"
        out += SVGChart.cumulativeSteps(title: title, labels: labels, values: values, cssClass: "chart wide") + "\n"
        out += SVGChart.cumulativeSteps(title: title, labels: labels, values: values, width: 360, height: 200, cssClass: "chart narrow") + "\n"
        return out + "</section>\n"
    }

    static func casualties(_ m: ReportModel) -> String {
        var out = section("casualties", "Casualties")
        out += "<p>Attacks and accidents; killed, injured and missing are conservative figures.</p>\n"
        out += table(["story", "type", "date", "place", "killed", "injured", "missing", "every source's figure", "evidence"], m.rows(ofType: ["attack", "accident"]).map { r in
            let figures = ["killed", "injured", "missing"].compactMap { role -> String? in
                let t = Tally(r.story, role)
                return t.all.isEmpty ? nil : "\(role): " + ReportText.figures(t.all)
            }
            return [Cell(r.story.id), Cell(ReportText.typeName(r.story.type)), Cell(ReportText.date(r.story)), Cell(ReportText.names(r.places)),
                    .n(ReportText.conservative(Tally(r.story, "killed"))), .n(ReportText.conservative(Tally(r.story, "injured"))),
                    .n(ReportText.conservative(Tally(r.story, "missing"))), Cell(figures.joined(separator: "; ")), evidence(r)]
        }, numeric: [4, 5, 6])
        func totals(_ list: [CasualtyTotal]) -> [[Cell]] {
            list.map { [Cell($0.key), stories($0.storyIDs), .n(ReportText.number($0.killed)), .n(ReportText.number($0.injured)), .n(ReportText.number($0.missing))] }
        }
        out += "<div class=\"pair\"><div><h3>Totals by place</h3>\n" + table(["place", "stories", "killed", "injured", "missing"], totals(m.casualtiesByPlace), numeric: [2, 3, 4])
        out += "</div><div><h3>Totals by week</h3>\n" + table(["ISO week", "stories", "killed", "injured", "missing"], totals(m.casualtiesByWeek), numeric: [2, 3, 4])
        return out + "</div></div>\n</section>\n"
    }

    static func actors(_ m: ReportModel) -> String {
        func byType(_ a: ActorActivity) -> String { a.byType.map { "\(ReportText.typeName($0.0)) \($0.1)" }.joined(separator: ", ") }
        return section("actors", "Actors") + "<p>\(ReportText.namesNote)</p>\n"
            + "<div class=\"pair\"><div><h3>Most active actors</h3>\n"
            + table(["actor", "stories", "by type"], m.actors.map { [Cell($0.label), stories($0.storyIDs), Cell(byType($0))] })
            + "</div><div><h3>Who did what to whom</h3>\n"
            + table(["pair", "stories", "by type"], m.pairs.map { [Cell($0.label), stories($0.storyIDs), Cell(byType($0))] })
            + "</div></div>\n</section>\n"
    }

    static func allStories(_ m: ReportModel) -> String {
        section("stories", "All stories") + table(["story", "date", "type", "who", "where", "articles", "evidence"], m.rows.map { r in
            [Cell(html: "<span id=\"story-\(r.story.id)\">\(r.story.id)</span>"), Cell(ReportText.date(r.story)), Cell(ReportText.typeName(r.story.type)), Cell(ReportText.who(r)), Cell(ReportText.names(r.places)),
             .n(String(r.story.documents.count)), evidence(r)]
        }, numeric: [5]) + "</section>\n"
    }

    static func rules(_ m: ReportModel) -> String {
        section("rules", "Rules fired") + "<p>For rule authors: how many event records each rule produced among these stories.</p>\n"
            + table(["rule", "written at", "events", "stories"], m.rules.map {
                [Cell(html: "<code>\(Escape.xml($0.rule))</code>"), Cell(html: "<code>\(Escape.xml($0.source))</code>"), .n(String($0.events)), stories($0.storyIDs)]
            }, numeric: [2]) + "</section>\n"
    }

    static func sources(_ m: ReportModel) -> String {
        section("sources", "Sources") + table(["article", "date", "lang", "title"], m.sources.map { d in
            [Cell(html: "<span id=\"source-\(Escape.anchor(d.result.doc))\"></span>" + link(d.result.doc, d.url)), Cell(d.result.referenceDate?.iso ?? "—"),
             Cell(d.result.language.rawValue), Cell(d.title ?? "")]
        }) + "</section>\n"
    }

    static let css = """
    :root { --ink: #1d2430; --muted: #5b6473; --line: #d9dee5; --band: #f3f5f8; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
    h1 { font-size: 28px; margin: 0 0 6px; }
    h2 { font-size: 21px; margin: 34px 0 10px; padding-top: 10px; border-top: 2px solid var(--ink); }
    h3 { font-size: 16px; margin: 20px 0 8px; }
    .lede { font-size: 16px; margin: 4px 0; }
    .policy, .src, .none { color: var(--muted); }
    nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 12px 0 0; list-style: none; }
    a { color: #1f5fae; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 6px 0 14px; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; color: var(--muted); }
    .card b { display: block; font-size: 26px; color: var(--ink); }
    .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0 20px; }
    .pair > div { min-width: 0; }
    .table { overflow-x: auto; margin: 8px 0 16px; border: 1px solid var(--line); border-radius: 6px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { padding: 6px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
    th { background: var(--band); font-weight: 600; white-space: nowrap; }
    tbody tr:last-child td { border-bottom: 0; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.ev { min-width: 22em; }
    td.ev p { margin: 0 0 6px; }
    td.ev p:last-child { margin: 0; }
    .src { font-size: 13px; white-space: nowrap; }
    mark { background: #fff1b8; padding: 0 1px; }
    code { font-size: 12.5px; }
    svg.chart { display: block; width: 100%; height: auto; margin: 4px 0 8px; }
    svg.chart .grid { stroke: #e3e7ec; }
    svg.chart .tick { font-size: 11px; fill: var(--muted); }
    svg.chart .empty { font-size: 14px; fill: var(--muted); }
    svg.chart .value { font-size: 12px; font-weight: 600; fill: var(--ink); }
    svg.narrow { display: none; }
    td[data-label="story"], td[data-label="date"], td[data-label="ISO week"] { white-space: nowrap; }
    td[data-label="sides"], td[data-label="parties"], td[data-label="who"] { min-width: 10em; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 4px 0; list-style: none; font-size: 13px; }
    .legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      main { padding: 14px 12px 32px; }
      h1 { font-size: 23px; }
      .pair { grid-template-columns: 1fr; }
      svg.wide { display: none; }
      svg.narrow { display: block; }
      .table.stack { overflow-x: visible; border: 0; }
      th { white-space: normal; }
      th, td { padding: 5px 6px; }
      table.rows thead { display: none; }
      table.rows tr { display: block; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 0; }
      table.rows td { display: grid; grid-template-columns: 7.5em 1fr; gap: 8px; border: 0; padding: 3px 10px; text-align: left; white-space: normal; }
      table.rows td::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
      table.rows td:empty { display: none; }
      td.ev, table.rows td { min-width: 0; }
      .src { white-space: normal; }
    }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      nav { display: none; }
      .table { overflow: visible; border: 0; }
      table { font-size: 9pt; }
      tr, svg.chart, .card { break-inside: avoid; }
      svg.wide { display: block; }
      svg.narrow { display: none; }
      h2, h3 { break-after: avoid; }
      a { color: inherit; text-decoration: none; }
      mark { background: none; font-weight: 600; }
    }

    """
}
