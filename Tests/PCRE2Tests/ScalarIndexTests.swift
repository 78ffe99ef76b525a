import Testing
@testable import PCRE2

@Test(arguments: ["", "abc", "停火协议", "a😀中b\n🇺🇦", String(repeating: "中a😀", count: 100), String(repeating: "x", count: 300)])
func scalarIndexAgreesWithSwiftAtEveryBoundary(_ text: String) {
    let index = ScalarIndex(utf8: Array(text.utf8))
    #expect(index.scalarCount == text.unicodeScalars.count)
    var utf8Offset = 0
    for (scalarOffset, scalar) in text.unicodeScalars.enumerated() {
        #expect(index.scalarOffset(ofUTF8: utf8Offset) == scalarOffset)
        #expect(index.utf8Offset(ofScalar: scalarOffset) == utf8Offset)
        utf8Offset += String(scalar).utf8.count
    }
    #expect(index.scalarOffset(ofUTF8: utf8Offset) == index.scalarCount)
    #expect(index.utf8Offset(ofScalar: index.scalarCount) == utf8Offset)
}

@Test func randomTextsRoundTrip() {
    var generator = SystemRandomNumberGenerator()
    let pool: [Character] = ["a", "中", "😀", "é", "\n", "名", "🇺🇦", "1"]
    for _ in 0..<50 {
        let length = Int.random(in: 0..<500, using: &generator)
        let text = String((0..<length).map { _ in pool.randomElement(using: &generator)! })
        let index = ScalarIndex(utf8: Array(text.utf8))
        for s in stride(from: 0, through: index.scalarCount, by: 7) {
            #expect(index.scalarOffset(ofUTF8: index.utf8Offset(ofScalar: s)) == s)
        }
    }
}

@Test func asciiTextIsTheIdentity() {
    let index = ScalarIndex(utf8: Array("KYIV, March 20 (Reuters)".utf8))
    #expect(index.isASCII)
    #expect(index.scalarOffset(ofUTF8: 7) == 7)
    #expect(index.utf8Offset(ofScalar: 7) == 7)
}

@Test("byte offsets of ascending scalar offsets, in one walk, as one search each")
func ascendingUTF8Offsets() {
    let text = String(repeating: "俄乌🇺🇦交换175名战俘 a b ", count: 40) + "末"
    let index = ScalarIndex(utf8: Array(text.utf8))
    let all = Array(0...index.scalarCount)
    let sparse = stride(from: 0, to: index.scalarCount, by: 97).map { $0 } + [index.scalarCount, index.scalarCount + 5]
    for offsets in [all, sparse, [3, 3, 200], []] {
        #expect(index.utf8Offsets(ofAscending: offsets) == offsets.map { index.utf8Offset(ofScalar: $0) })
    }
    let ascii = ScalarIndex(utf8: Array("plain text".utf8))
    #expect(ascii.utf8Offsets(ofAscending: [0, 4, 10, 12]) == [0, 4, 10, 10])
}
