import Normalizers
import Records

/// A bare $ or 元 follows the outlet's country when no dateline names one (a Singapore court report's $ is SGD).
extension Run {
    /// The country of the document's outlet, from its `url` (or `outlet`) field and the pack's `outlets:` table:
    /// the longest listed host ending wins (`hk01.com`, `.sg`).
    func outletCountry() -> String? {
        guard !rules.outlets.isEmpty else { return nil }
        var host: String?
        for (key, value) in document.extra where key == "url" || key == "outlet" {
            guard case .string(var text) = value else { continue }
            if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
            let name = text.split(separator: "/").first.map(String.init)?.lowercased() ?? ""
            let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
            if !trimmed.isEmpty { host = trimmed; if key == "url" { break } }
        }
        guard let host else { return nil }
        let match = rules.outlets.filter { suffix, _ in
            host == suffix || host.hasSuffix(suffix.hasPrefix(".") ? suffix : "." + suffix)
        }.max { $0.key.count < $1.key.count }
        return match?.value
    }

    /// Money read with an assumed currency outside any dateline country is read again with the outlet's.
    func outletCurrency(_ mentions: [Mention], _ segments: [Segment]) -> [Mention] {
        guard let country = outletCountry() else { return mentions }
        return mentions.map { mention in
            guard case .money(let money) = mention.value, money.currencyAssumed else { return mention }
            let segment = segments.last { $0.span.start <= mention.span.start }
            // A dateline naming a country already decided (新加坡19日讯 → SGD).
            if let dateline = segment?.dateline,
               mentions.contains(where: { dateline.contains($0.span) && $0.value.entity?.country != nil }) { return mention }
            let context = NormalizationContext(language: rules.language, referenceDate: segment?.referenceDate ?? document.date,
                                               documentCountry: country)
            guard case .money(let again)? = Normalization.normalize(mention.text, as: .money, context: context) else { return mention }
            var out = mention
            out.value = .money(again)
            return out
        }
    }
}
