// PCRE2 micro-benchmark: ~200 typical rule patterns over ~20 MB of Chinese news-like text.
// Run: swift run -c release pcre2-bench [--mb 20] [--interp-mb 2]
// Prints throughput with JIT and with the interpreter, and the byte→scalar cost per match.
import Foundation
import PCRE2

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func argument(_ name: String, default value: Double) -> Double {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Double(args[i + 1]) { return v }
    return value
}

let targetMB = argument("--mb", default: 20)
let interpMB = argument("--interp-mb", default: 2)

// Vocabulary for synthetic sentences; the names double as lexicon alternations below.
let people = ["特朗普", "泽连斯基", "普京", "卢比奥", "拉夫罗夫", "内塔尼亚胡", "马克龙", "斯塔默", "默茨", "安瓦尔",
              "洪玛奈", "佩通坦", "埃尔多安", "莫迪", "石破茂", "李在明", "古特雷斯", "吕特", "冯德莱恩", "哈梅内伊"]
let places = ["基辅", "莫斯科", "华盛顿", "加沙", "黑海", "吉隆坡", "伊斯坦布尔", "克拉斯诺达尔", "哈尔科夫", "敖德萨",
              "贝鲁特", "大马士革", "德黑兰", "北京", "东京", "首尔", "新加坡", "曼谷", "金边", "利雅得"]
let verbs = ["通话", "会晤", "拒绝了停火提议", "同意停火", "进行了囚犯交换", "发动空袭", "宣布援助", "举行会谈", "被捕", "被判刑"]
let fillers = ["当地时间周三", "据报道", "官员表示", "此后", "随后", "消息人士称", "双方", "周二", "3月11日", "本周"]
let counts = ["175名战俘", "22人受伤", "超过400人", "2800万美元", "30天", "一个小时", "1万9980令吉", "两百名士兵", "6死40失踪", "3架无人机"]

var rng = SplitMix64(state: 2025)
var text = ""
text.reserveCapacity(Int(targetMB * 1_048_576) + 1024)
while text.utf8.count < Int(targetMB * 1_048_576) {
    let sentence = fillers.randomElement(using: &rng)! + "," + people.randomElement(using: &rng)! + "与"
        + people.randomElement(using: &rng)! + "在" + places.randomElement(using: &rng)! + verbs.randomElement(using: &rng)!
        + "," + counts.randomElement(using: &rng)! + "。"
    text += sentence
    if rng.next() % 8 == 0 { text += "\n" }
}

// ~200 patterns of the shapes rules use.
var patterns: [String] = []
for k in 0..<60 {  // lexicon alternations of 10 names (rotated so they differ)
    let names = (0..<10).map { (people + places)[(k + $0 * 3) % 40] }
    patterns.append("(?:" + names.joined(separator: "|") + ")")
}
let classifiers = ["名", "人", "架", "艘", "辆", "枚", "发", "位", "天", "小时"]
for c in classifiers {  // numeral + classifier
    patterns.append("(?:[0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+)(?:多|余)?" + c)
    patterns.append("(?:超过|逾|近|约|至少)[0-9零一二两三四五六七八九十百千万]+" + c)
    patterns.append("[0-9]+万?[0-9]*" + c + "(?:战俘|士兵|平民)?")
    patterns.append("(?<n>[0-9]+)" + c + "(?<rest>[^,。]{0,4})")
}
let dates = ["[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日", "[0-9]{1,2}月[0-9]{1,2}日", "(?:上|下|本)?(?:周|星期|礼拜)[一二三四五六日天]",
             "当地时间(?:周|星期)[一二三四五六日]", "[0-9]{1,2}日讯", "(?:今|昨|前|明)天", "[0-9]{1,2}月(?:底|初|中旬)",
             "[0-9]{4}-[0-9]{2}-[0-9]{2}", "(?:去|今|明)年[0-9]{1,2}月", "[0-9]+天(?:前|后)"]
for _ in 0..<4 { patterns.append(contentsOf: dates) }
let triggers = ["停火", "交换", "通话", "空袭", "援助", "会谈", "被捕", "判刑", "拒绝", "同意", "撤离", "抗议"]
for t in triggers {  // trigger words with bounded gaps
    patterns.append("\(t)")
    patterns.append("[^。]{0,20}?\(t)")
    patterns.append("(?<a>\\p{Han}{2,4})[^。]{0,10}?\(t)[^。]{0,10}?(?<b>[0-9]+名)?")
    patterns.append("(?:特朗普|普京|泽连斯基)[^。]{0,15}\(t)")
    patterns.append("\(t)(?:了)?[^。]{0,8}?(?:协议|提议|行动)")
}
while patterns.count < 200 { patterns.append(triggers[patterns.count % triggers.count] + "[^。]{0,6}") }

func run(_ regexes: [Regex], over subject: Subject) throws -> (seconds: Double, matches: Int, spans: [Range<Int>]) {
    var total = 0
    var sample: [Range<Int>] = []
    let start = DispatchTime.now().uptimeNanoseconds
    for regex in regexes {
        let matcher = regex.makeMatcher()
        try matcher.forEachMatch(in: subject) { match in
            total += 1
            if sample.count < 2_000_000 { sample.append(match.utf8Range) }
            return true
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds, total, sample)
}

let subject = Subject(text)
let mb = Double(subject.byteCount) / 1_048_576
print(String(format: "text: %.1f MB (%d scalars), %d patterns", mb, subject.index.scalarCount, patterns.count))

let jitRegexes = try patterns.map { try Regex($0) }
print("JIT compiled: \(jitRegexes.filter(\.isJITCompiled).count)/\(jitRegexes.count)")
let jit = try run(jitRegexes, over: subject)
print(String(format: "JIT:         %.2f s for %d patterns × %.1f MB = %.1f MB/s aggregate (%.1f MB/s per pattern pass), %d matches",
             jit.seconds, patterns.count, mb, mb * Double(patterns.count) / jit.seconds, mb * Double(patterns.count) / jit.seconds, jit.matches))

// The interpreter is much slower: measure it on a prefix, and JIT on the same prefix for the ratio.
var prefixEnd = min(subject.byteCount, Int(interpMB * 1_048_576))
while prefixEnd < subject.byteCount && subject.utf8[prefixEnd] & 0xC0 == 0x80 { prefixEnd += 1 }
let small = try Subject(validating: Array(subject.utf8[0..<prefixEnd]))
let smallMB = Double(small.byteCount) / 1_048_576
let interpRegexes = try patterns.map { try Regex($0, jit: false) }
let interp = try run(interpRegexes, over: small)
let jitSmall = try run(jitRegexes, over: small)
print(String(format: "interpreter: %.2f s over %.1f MB = %.1f MB/s aggregate; JIT on the same text %.2f s = %.1f MB/s; JIT speed-up %.1f×",
             interp.seconds, smallMB, smallMB * Double(patterns.count) / interp.seconds,
             jitSmall.seconds, smallMB * Double(patterns.count) / jitSmall.seconds, interp.seconds / jitSmall.seconds))

// Byte → scalar conversion of every sampled match boundary.
let conversionStart = DispatchTime.now().uptimeNanoseconds
var checksum = 0
for range in jit.spans {
    let r = subject.scalarRange(utf8Range: range)
    checksum &+= r.lowerBound &+ r.upperBound
}
let conversionNanos = Double(DispatchTime.now().uptimeNanoseconds - conversionStart)
print(String(format: "byte→scalar: %.1f ns per match (%d matches, both ends; checksum %d)",
             conversionNanos / Double(max(1, jit.spans.count)), jit.spans.count, checksum % 1000))
