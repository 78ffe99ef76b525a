import Extraction
import Foundation
import Records

extension DocumentReader {
    /// The reader settings of `extract`'s options (already validated); warnings go to standard
    /// error as they come, and the run's date is today's (UTC) for documents with no date at all.
    mutating func configure(invalidUTF8: String, inputFormat: String) {
        self.invalidUTF8 = InvalidUTF8Policy(rawValue: invalidUTF8) ?? .reject
        self.format = InputFormat(rawValue: inputFormat) ?? .auto
        self.warn = { warning in Console.error(warning.description) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let today = calendar.dateComponents([.year, .month, .day], from: Date())
        self.runDate = CivilDate(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1)
    }
}
