import Records

/// One document as the store keeps it: the extraction result plus what decides whether a
/// rerun may skip it.
public struct StoredDocument: Sendable {
    /// The `--format docs` record.
    public var result: DocumentResult
    /// The article text, so reports can quote evidence sentences.
    public var text: String
    /// Fingerprint of the input record (id, text, date, lang, other fields).
    public var contentHash: String
    /// Fingerprint of the rule pack that extracted it.
    public var packVersion: String
    /// When it was extracted, ISO 8601 UTC; never exported nor reported.
    public var extractedAt: String

    public init(result: DocumentResult, text: String, contentHash: String, packVersion: String, extractedAt: String) {
        self.result = result
        self.text = text
        self.contentHash = contentHash
        self.packVersion = packVersion
        self.extractedAt = extractedAt
    }

    /// The `title` field passed through from the input, when it is a string.
    public var title: String? { result.extra.first { $0.0 == "title" }?.1.stringValue }
    /// The `url` field passed through from the input, when it is a string.
    public var url: String? { result.extra.first { $0.0 == "url" }?.1.stringValue }
}

/// What a rerun compares to decide whether a stored document is up to date.
public struct StoredFingerprint: Hashable, Sendable {
    public var contentHash: String
    public var packVersion: String

    public init(contentHash: String, packVersion: String) {
        self.contentHash = contentHash
        self.packVersion = packVersion
    }
}
