import Foundation
import Testing
@testable import Reports

@Suite struct ScaleTests {
    @Test func linearScaleMapsEndsAndMiddle() {
        let y = LinearScale(domain: 0...10, from: 200, to: 0)
        #expect(y(0) == 200)
        #expect(y(10) == 0)
        #expect(y(5) == 100)
        #expect(y(2.5) == 150)
    }

    @Test func aOnePointDomainMapsToTheStartInsteadOfDividingByZero() {
        let y = LinearScale(domain: 3...3, from: 50, to: 10)
        #expect(y(3) == 50)
        #expect(y(100) == 50)
        #expect(y.ticks() == [3])
    }

    @Test func zeroBasedScalesEndOnARoundNumber() {
        #expect(LinearScale.niceCeiling(0) == 1)
        #expect(LinearScale.niceCeiling(1) == 1)
        #expect(LinearScale.niceCeiling(3) == 5)
        #expect(LinearScale.niceCeiling(7) == 10)
        #expect(LinearScale.niceCeiling(11) == 20)
        #expect(LinearScale.niceCeiling(390) == 500)
        #expect(LinearScale.niceCeiling(1000) == 1000)
        // The top of a zero-based scale is its top tick: 390 in steps of 100, 558 in steps of 200, 4 in steps of 1.
        #expect(LinearScale.zeroBased(maximum: 390, from: 0, to: 100).domain == 0...400)
        #expect(LinearScale.zeroBased(maximum: 558, from: 0, to: 100).domain == 0...600)
        #expect(LinearScale.zeroBased(maximum: 4, from: 0, to: 100).domain == 0...4)
        #expect(LinearScale.zeroBased(maximum: 0, from: 0, to: 100).domain == 0...1)
        #expect(LinearScale.zeroBased(maximum: 0.3, from: 0, to: 100).domain == 0...1)
    }

    @Test func ticksAreRoundIntegersCoveringTheDomain() {
        #expect(LinearScale(domain: 0...500, from: 0, to: 1).ticks(count: 4) == [0, 200, 400])
        #expect(LinearScale(domain: 0...10, from: 0, to: 1).ticks(count: 5) == [0, 2, 4, 6, 8, 10])
        #expect(LinearScale(domain: 0...1, from: 0, to: 1).ticks(count: 4) == [0, 1])
        #expect(LinearScale(domain: 0...20, from: 0, to: 1).ticks(count: 4) == [0, 5, 10, 15, 20])
    }

    @Test func bandsSplitTheRangeEvenlyWithPadding() {
        let x = BandScale(count: 4, range: 0...400, padding: 0.2)
        #expect(x.step == 100)
        #expect(x.bandwidth == 80)
        #expect(x.start(0) == 10)
        #expect(x.start(3) == 310)
        #expect(x.center(1) == 150)
        #expect(BandScale(count: 0, range: 0...400).step == 0)
    }
}

@Suite struct StackingTests {
    @Test func seriesStackInOrderPerCategory() {
        let segments = Stacking.stack([Series(name: "a", values: [1, 0, 2]), Series(name: "b", values: [3, 1, 0])], categories: 3)
        #expect(segments == [
            StackSegment(series: 0, category: 0, lower: 0, upper: 1),
            StackSegment(series: 0, category: 2, lower: 0, upper: 2),
            StackSegment(series: 1, category: 0, lower: 1, upper: 4),
            StackSegment(series: 1, category: 1, lower: 0, upper: 1),
        ])
        #expect(Stacking.maximum([Series(name: "a", values: [1, 0, 2]), Series(name: "b", values: [3, 1, 0])], categories: 3) == 4)
    }

    @Test func negativeValuesCountAsZeroAndShortSeriesArePadded() {
        let segments = Stacking.stack([Series(name: "a", values: [-5, 2]), Series(name: "b", values: [1])], categories: 3)
        #expect(segments == [
            StackSegment(series: 0, category: 1, lower: 0, upper: 2),
            StackSegment(series: 1, category: 0, lower: 0, upper: 1),
        ])
    }

    @Test func emptySeriesGiveNoSegmentsAndZeroHeight() {
        #expect(Stacking.stack([], categories: 5).isEmpty)
        #expect(Stacking.stack([Series(name: "a", values: [])], categories: 0).isEmpty)
        #expect(Stacking.maximum([], categories: 0) == 0)
        #expect(Stacking.cumulative([]) == [])
    }

    @Test func cumulativeIsARunningTotal() {
        #expect(Stacking.cumulative([3, 2, 5]) == [3, 5, 10])
    }
}

@Suite struct SVGChartTests {
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func stackedBarsDrawOneRectPerNonEmptySegmentWithHeightsInProportion() {
        let svg = SVGChart.stackedBars(title: "T", labels: ["a", "b"], series: [Series(name: "attack", values: [2, 0]), Series(name: "talks", values: [1, 1])],
                                       width: 400, height: 240)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 240\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(count("<rect ", in: svg) == 3)
        // Domain 0...3 over 188 px (240 - 40 bottom - 12 top): 2 stories are 125.3 px, 1 is 62.7 px.
        #expect(svg.contains("height=\"125.3\" fill=\"#e15759\""))
        #expect(count("height=\"62.7\" fill=\"#4e79a7\"", in: svg) == 2)
        #expect(!svg.contains("No data"))
    }

    @Test func emptyChartsSaySoAndDrawNoBars() {
        for svg in [SVGChart.stackedBars(title: "T", labels: [], series: []),
                    SVGChart.stackedBars(title: "T", labels: ["a"], series: [Series(name: "attack", values: [0])]),
                    SVGChart.cumulativeSteps(title: "T", labels: [], values: [])] {
            #expect(svg.contains("No data for this selection"))
            #expect(!svg.contains("<rect"))
            #expect(!svg.contains("<polyline"))
            #expect(svg.hasSuffix("</svg>"))
        }
    }

    @Test func cumulativeStepsEndAtTheTotal() {
        let svg = SVGChart.cumulativeSteps(title: "Released", labels: ["05-14", "05-25"], values: [390, 168], width: 400, height: 240)
        #expect(count("<circle ", in: svg) == 2)
        #expect(svg.contains("<title>05-25: 558</title>"))
        #expect(svg.contains("<polyline"))
    }

    @Test func titlesAndLabelsAreEscaped() {
        let svg = SVGChart.stackedBars(title: "a<b & \"c\"", labels: ["<x>"], series: [Series(name: "attack", values: [1])])
        #expect(svg.contains("aria-label=\"a&lt;b &amp; &quot;c&quot;\""))
        #expect(svg.contains("&lt;x&gt;"))
        #expect(!svg.contains("<x>"))
    }

    @Test func numbersAreWrittenStably() {
        #expect(svgNumber(12) == "12")
        #expect(svgNumber(12.04) == "12")
        #expect(svgNumber(12.06) == "12.1")
        #expect(svgNumber(-0.5) == "-0.5")
    }
}
