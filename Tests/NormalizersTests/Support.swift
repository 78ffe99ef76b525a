import Normalizers
import Records

/// 2025-03-20, a Thursday: the reference date of every table unless a row says otherwise.
let reference = CivilDate(year: 2025, month: 3, day: 20)!

func zh(_ ref: CivilDate? = reference, country: String? = nil) -> NormalizationContext {
    NormalizationContext(language: .zh, referenceDate: ref, documentCountry: country)
}

func en(_ ref: CivilDate? = reference, country: String? = nil) -> NormalizationContext {
    NormalizationContext(language: .en, referenceDate: ref, documentCountry: country)
}

/// A deterministic generator so failures reproduce (SplitMix64).
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

/// Random integers spread over every magnitude up to 2^53.
func randomIntegers(seed: UInt64, count: Int) -> [Int64] {
    var g = SplitMix64(state: seed)
    return (0..<count).map { _ in
        let digits = Int.random(in: 1...16, using: &g)
        let bound = digits == 16 ? ExactNumber.maxExactSignificand : (1...digits).reduce(Int64(1)) { a, _ in a * 10 }
        return Int64.random(in: 0..<bound, using: &g)
    }
}
