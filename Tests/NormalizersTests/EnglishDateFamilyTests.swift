import Testing
import Normalizers
import Records

// Round 2 of English dates, one table per family. Reference: Thursday 2025-03-20.
@Suite struct EnglishDateFamilyTests {
    static let bounds: [DateRow] = [
        .init(.en, "after 2018", "2018", .after), .init(.en, "since 2015", "2015", .after),
        .init(.en, "before March 2019", "2019-03", .before), .init(.en, "until June 2020", "2020-06", .before),
        .init(.en, "prior to 1990", "1990", .before), .init(.en, "no later than May 5, 2024", "2024-05-05", .before),
        .init(.en, "since Monday", "2025-03-17", .after), .init(.en, "after March 3", "2025-03-03", .after),
        .init(.en, "2010 or later", "2010", .after), .init(.en, "2005 onwards", "2005", .after),
        .init(.en, "1999 or earlier", "1999", .before), .init(.en, "till 1 April 2023", "2023-04-01", .before),
        .init(.en, "earlier than 2001", "2001", .before), .init(.en, "later than 2030", "2030", .after),
        .init(.en, "since last year", "2024", .after), .init(.en, "before yesterday", "2025-03-19", .before),
        .init(.en, "after Christmas 2019", "2019-12-25", .after), .init(.en, "since 10/31/2018", "2018-10-31", .after),
    ]
    static let twoDigitYears: [DateRow] = [
        .init(.en, "10/31/74", "1974-10-31"), .init(.en, "3/4/08", "2008-03-04"), .init(.en, "31/12/99", "1999-12-31"),
        .init(.en, "5/6/25", "2025-05-06"), .init(.en, "1/1/26", "1926-01-01"), .init(.en, "12/25/00", "2000-12-25"),
        .init(.en, "March '08", "2008-03"), .init(.en, "June 5, '19", "2019-06-05"), .init(.en, "7-4-76", "1976-07-04"),
        .init(.en, "25.12.17", "2017-12-25"), .init(.en, "5-aug-16", "2016-08-05"), .init(.en, "Christmas '98", "1998-12-25"),
    ]
    static let numeric: [DateRow] = [
        .init(.en, "31/10/2018", "2018-10-31"), .init(.en, "10/31/2018", "2018-10-31"), .init(.en, "05/06/2018", "2018-05-06"),
        .init(.en, "25.12.2017", "2017-12-25"), .init(.en, "05.06.2018", "2018-06-05"), .init(.en, "2018.12.31", "2018-12-31"),
        .init(.en, "2018/1/10", "2018-01-10"), .init(.en, "05-Aug-2016", "2016-08-05"), .init(.en, "17-Sep-2001", "2001-09-17"),
        .init(.en, "Dec-2018", "2018-12"), .init(.en, "Aug-05-2016", "2016-08-05"), .init(.en, "2016-11", "2016-11"),
        .init(.en, "11/2016", "2016-11"), .init(.en, "12-25-2019", "2019-12-25"), .init(.en, "2019-02-28", "2019-02-28"),
        .init(.en, "13/13/2018", nil), .init(.en, "2018-13", nil), .init(.en, "32/10/2018", nil), .init(.en, "2019-02-30", nil),
        .init(.en, "2016.11", nil), .init(.en, "on 1/2/2003", "2003-01-02"), .init(.en, "14/2/2020", "2020-02-14"),
    ]
    static let ranges: [DateRow] = [
        .init(.en, "2018/1/10-2018/7/10", from: "2018-01-10", to: "2018-07-10"),
        .init(.en, "from 3/1/2019 to 3/5/2019", from: "2019-03-01", to: "2019-03-05"),
        .init(.en, "between 2010 and 2015", from: "2010", to: "2015"),
        .init(.en, "from March 3 to March 10, 2020", from: "2020-03-03", to: "2020-03-10"),
        .init(.en, "June 1 - June 5", from: "2024-06-01", to: "2024-06-05"),
        .init(.en, "from May 2019 to June 2019", from: "2019-05", to: "2019-06"),
        .init(.en, "2001-01-01 ~ 2001-12-31", from: "2001-01-01", to: "2001-12-31"),
        .init(.en, "from Monday to Wednesday", from: "2025-03-17", to: "2025-03-19"),
        .init(.en, "1 May 2020 to 3 June 2020", from: "2020-05-01", to: "2020-06-03"),
        .init(.en, "January 5th through the 9th", from: "2025-01-05", to: "2025-01-09"),
        .init(.en, "between 05.01.2021 and 10.01.2021", from: "2021-01-05", to: "2021-01-10"),
        .init(.en, "from the 3rd to the 7th of May 2018", from: "2018-05-03", to: "2018-05-07"),
    ]
    static let spelledYears: [DateRow] = [
        .init(.en, "nineteen ninety six", "1996"), .init(.en, "in nineteen ninety-six", "1996"),
        .init(.en, "two thousand and eight", "2008"), .init(.en, "twenty twenty-one", "2021"),
        .init(.en, "June nineteen eighty four", "1984-06"), .init(.en, "March 3, two thousand ten", "2010-03-03"),
        .init(.en, "nineteen oh five", "1905"), .init(.en, "nineteen hundred", "1900"), .init(.en, "twenty ten", "2010"),
        .init(.en, "two thousand", "2000"), .init(.en, "eighteen sixty-five", "1865"), .init(.en, "twenty one", nil),
    ]
    static let ordinals: [DateRow] = [
        .init(.en, "January first", "2025-01-01"), .init(.en, "March the third", "2025-03-03"),
        .init(.en, "the fifteenth of March", "2025-03-15"), .init(.en, "the 15th", "2025-03-15"),
        .init(.en, "the 3rd of February 2021", "2021-02-03"), .init(.en, "on the twenty-first of June", "2024-06-21"),
        .init(.en, "December thirty-first", "2024-12-31"), .init(.en, "July 4th, 1776", "1776-07-04"),
        .init(.en, "the 2nd", "2025-03-02"), .init(.en, "October twenty second 2019", "2019-10-22"),
        .init(.en, "the thirtieth of April", "2024-04-30"), .init(.en, "February twentieth", "2025-02-20"),
    ]
    static let monthYear: [DateRow] = [
        .init(.en, "June of 1992", "1992-06"), .init(.en, "Dec, 2018", "2018-12"), .init(.en, "September, 2001", "2001-09"),
        .init(.en, "in October of 2015", "2015-10"), .init(.en, "Jan. 2020", "2020-01"), .init(.en, "May of 1968", "1968-05"),
        .init(.en, "March last year", "2024-03"), .init(.en, "November this year", "2025-11"),
    ]
    static let relative: [DateRow] = [
        .init(.en, "Wednesday next week", "2025-03-26"), .init(.en, "Monday last week", "2025-03-10"),
        .init(.en, "next week Friday", "2025-03-28"), .init(.en, "Friday of this week", "2025-03-21"),
        .init(.en, "next week on Tuesday", "2025-03-25"), .init(.en, "Sunday of next week", "2025-03-30"),
        .init(.en, "end of the month", "2025-03", .end), .init(.en, "the end of the year", "2025", .end),
        .init(.en, "beginning of the month", "2025-03", .start), .init(.en, "the middle of the year", "2025", .mid),
        .init(.en, "20th of next month", "2025-04-20"), .init(.en, "the 5th of last month", "2025-02-05"),
        .init(.en, "the 1st of this month", "2025-03-01"), .init(.en, "first Monday of next month", "2025-04-07"),
        .init(.en, "last Friday of this month", "2025-03-28"), .init(.en, "the second Tuesday of last month", "2025-02-11"),
    ]
    static let offsets: [DateRow] = [
        .init(.en, "3 days after Christmas", "2024-12-28"), .init(.en, "two days before New Year's Eve", "2024-12-29"),
        .init(.en, "a week after Easter", "2024-04-07"), .init(.en, "the day after Christmas", "2024-12-26"),
        .init(.en, "five days before March 10", "2025-03-05"), .init(.en, "ten days after 1 January 2020", "2020-01-11"),
        .init(.en, "the day before Thanksgiving", "2024-11-27"), .init(.en, "two weeks after Easter 2019", "2019-05-05"),
        .init(.en, "4 days from Monday", "2025-03-21"),
    ]
    static let holidays: [DateRow] = [
        .init(.en, "Christmas 2018", "2018-12-25"), .init(.en, "Christmas", "2024-12-25"), .init(.en, "Christmas Eve", "2024-12-24"),
        .init(.en, "New Year's Day 2020", "2020-01-01"), .init(.en, "New Year", "2025-01-01"), .init(.en, "Easter 2019", "2019-04-21"),
        .init(.en, "Easter Sunday 2024", "2024-03-31"), .init(.en, "Good Friday 2024", "2024-03-29"),
        .init(.en, "Thanksgiving 2023", "2023-11-23"), .init(.en, "Thanksgiving", "2024-11-28"), .init(.en, "Labor Day 2022", "2022-09-05"),
        .init(.en, "Memorial Day 2021", "2021-05-31"), .init(.en, "Halloween 2010", "2010-10-31"), .init(.en, "Valentine's Day", "2025-02-14"),
        .init(.en, "Independence Day 1976", "1976-07-04"), .init(.en, "Chinese New Year 2024", "2024-02-10"),
        .init(.en, "Mid-Autumn Festival 2020", "2020-10-01"), .init(.en, "Thanksgiving last year", "2024-11-28"),
        .init(.en, "Easter 2025", "2025-04-20"), .init(.en, "Mother's Day 2024", "2024-05-12"), .init(.en, "Boxing Day 2015", "2015-12-26"),
        .init(.en, "New Year's Eve 1999", "1999-12-31"), .init(.en, "Lunar New Year 2023", "2023-01-22"),
        .init(.en, "Dragon Boat Festival 2008", "2008-06-08"), .init(.en, "Martin Luther King Day 2024", "2024-01-15"),
    ]
    static let bareYears: [DateRow] = [
        .init(.en, "the year 2008", "2008"), .init(.en, "back to 1865", "1865"), .init(.en, "year 1999", "1999"),
        .init(.en, "circa 1850", "1850"), .init(.en, "in the year 1492", "1492"),
    ]

    @Test("bounds: before / after / since / until", arguments: bounds) func boundRows(_ row: DateRow) { DateTests.check(row) }
    @Test("two-digit years", arguments: twoDigitYears) func shortYears(_ row: DateRow) { DateTests.check(row) }
    @Test("numeric forms", arguments: numeric) func numericRows(_ row: DateRow) { DateTests.check(row) }
    @Test("ranges", arguments: ranges) func rangeRows(_ row: DateRow) { DateTests.check(row) }
    @Test("spelled-out years", arguments: spelledYears) func spelled(_ row: DateRow) { DateTests.check(row) }
    @Test("ordinal days", arguments: ordinals) func ordinalRows(_ row: DateRow) { DateTests.check(row) }
    @Test("month of year", arguments: monthYear) func monthYearRows(_ row: DateRow) { DateTests.check(row) }
    @Test("weeks, month ends, days of next month", arguments: relative) func relativeRows(_ row: DateRow) { DateTests.check(row) }
    @Test("offsets from a named day", arguments: offsets) func offsetRows(_ row: DateRow) { DateTests.check(row) }
    @Test("holidays", arguments: holidays) func holidayRows(_ row: DateRow) { DateTests.check(row) }
    @Test("bare years", arguments: bareYears) func bareYearRows(_ row: DateRow) { DateTests.check(row) }
}
