/// The fixed colour of each event type (and a grey for anything else), so every chart and
/// legend agrees and printing in grey keeps them apart by lightness.
public enum Palette {
    static let colors: [String: String] = [
        "talks": "#4e79a7", "ceasefire": "#59a14f", "prisoner_exchange": "#f28e2b", "military_aid": "#76b7b2",
        "attack": "#e15759", "accident": "#b07aa1", "arrest": "#9c755f", "sentence": "#bab0ac", "settlement": "#edc948",
        "theft": "#ff9da7", "evacuation": "#86bcb6", "protest": "#8cd17d",
    ]

    public static func color(_ name: String) -> String { colors[name] ?? "#7f7f7f" }
}

/// Numbers written into SVG: at most one decimal, no trailing ".0", so output is byte-stable.
func svgNumber(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    if r == r.rounded() { return String(Int(r)) }
    return String(r)
}

/// Inline SVG charts, drawn from plain numbers; every chart scales to its container (viewBox).
public enum SVGChart {
    static let margin = (left: 40.0, right: 12.0, top: 12.0, bottom: 40.0)

    /// A bar per category, the series stacked in order; `labels` name the categories (shown thinned
    /// out when many). No data gives a chart that says so.
    public static func stackedBars(title: String, labels: [String], series: [Series], width: Double = 720, height: Double = 260, cssClass: String = "chart") -> String {
        let maxValue = Stacking.maximum(series, categories: labels.count)
        var out = open(title: title, width: width, height: height, cssClass: cssClass)
        guard maxValue > 0 else { return out + empty(width: width, height: height) + "</svg>" }
        let y = LinearScale.zeroBased(maximum: maxValue, from: height - margin.bottom, to: margin.top)
        let x = BandScale(count: labels.count, range: margin.left...(width - margin.right))
        out += axes(y: y, width: width, height: height)
        for segment in Stacking.stack(series, categories: labels.count) {
            let top = y(segment.upper), bottom = y(segment.lower)
            let name = series[segment.series].name
            out += "<rect x=\"\(svgNumber(x.start(segment.category)))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(x.bandwidth))\" height=\"\(svgNumber(bottom - top))\" fill=\"\(Palette.color(name))\">"
            out += "<title>\(Escape.xml(labels[segment.category])): \(svgNumber(segment.upper - segment.lower)) \(Escape.xml(name))</title></rect>"
        }
        out += categoryLabels(labels, x: x, height: height)
        return out + "</svg>"
    }

    /// A step line of running totals (cumulative released prisoners), one step per labelled point.
    public static func cumulativeSteps(title: String, labels: [String], values: [Double], width: Double = 720, height: Double = 220,
                                       color: String = Palette.color("prisoner_exchange"), cssClass: String = "chart") -> String {
        let totals = Stacking.cumulative(values)
        var out = open(title: title, width: width, height: height, cssClass: cssClass)
        guard let last = totals.last, last > 0 else { return out + empty(width: width, height: height) + "</svg>" }
        let y = LinearScale.zeroBased(maximum: last, from: height - margin.bottom, to: margin.top)
        let x = BandScale(count: labels.count, range: margin.left...(width - margin.right), padding: 0)
        out += axes(y: y, width: width, height: height)
        var points = "\(svgNumber(x.start(0))),\(svgNumber(y(0)))"
        for (i, total) in totals.enumerated() {
            points += " \(svgNumber(x.center(i))),\(svgNumber(y(i == 0 ? 0 : totals[i - 1])))"
            points += " \(svgNumber(x.center(i))),\(svgNumber(y(total)))"
        }
        points += " \(svgNumber(x.start(labels.count - 1) + x.step)),\(svgNumber(y(last)))"
        out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"/>"
        for (i, total) in totals.enumerated() {
            out += "<circle cx=\"\(svgNumber(x.center(i)))\" cy=\"\(svgNumber(y(total)))\" r=\"3.5\" fill=\"\(color)\"><title>\(Escape.xml(labels[i])): \(svgNumber(total))</title></circle>"
            out += "<text x=\"\(svgNumber(x.center(i)))\" y=\"\(svgNumber(y(total) - 8))\" text-anchor=\"middle\" class=\"value\">\(svgNumber(total))</text>"
        }
        out += categoryLabels(labels, x: x, height: height)
        return out + "</svg>"
    }

    static func open(title: String, width: Double, height: Double, cssClass: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" role=\"img\" aria-label=\"\(Escape.xml(title))\" class=\"\(Escape.xml(cssClass))\"><title>\(Escape.xml(title))</title>"
    }

    static func empty(width: Double, height: Double) -> String {
        "<text x=\"\(svgNumber(width / 2))\" y=\"\(svgNumber(height / 2))\" text-anchor=\"middle\" class=\"empty\">No data for this selection</text>"
    }

    /// Horizontal grid lines with their values, and the base line.
    static func axes(y: LinearScale, width: Double, height: Double) -> String {
        var out = ""
        for tick in y.ticks(count: 4) {
            let py = svgNumber(y(tick))
            out += "<line x1=\"\(svgNumber(margin.left))\" y1=\"\(py)\" x2=\"\(svgNumber(width - margin.right))\" y2=\"\(py)\" class=\"grid\"/>"
            out += "<text x=\"\(svgNumber(margin.left - 6))\" y=\"\(py)\" dy=\"4\" text-anchor=\"end\" class=\"tick\">\(svgNumber(tick))</text>"
        }
        return out
    }

    /// Category labels under the bars; when there are many, every n-th so they never overlap.
    static func categoryLabels(_ labels: [String], x: BandScale, height: Double) -> String {
        guard !labels.isEmpty else { return "" }
        let every = max(1, Int((60 / max(x.step, 1)).rounded(.up)))
        var out = ""
        for (i, label) in labels.enumerated() where i % every == 0 {
            out += "<text x=\"\(svgNumber(x.center(i)))\" y=\"\(svgNumber(height - margin.bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(Escape.xml(label))</text>"
        }
        return out
    }
}
