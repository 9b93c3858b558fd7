// Package timex finds date expressions in English news text and resolves them to day intervals relative to the
// publication date: explicit dates ("5 October 2016", "Oct. 5", "2016-10-05"), months ("in September", "last
// September"), years ("in 2014", "the 1990s"), weekdays ("on Tuesday" is the most recent Tuesday on or before
// publication; the publication weekday itself is the same day unless "last"; said of the future, "will meet on
// Friday", the next one; "on Tuesday last week" the Tuesday of last week), and relative phrases ("yesterday",
// "overnight", "earlier this week", "last month", "three days ago", "at the weekend").
//
// The date of a dateline ("KHARTOUM, July 6 (Reuters) -") dates the report, not its events: it is found with
// Dateline set, and Anchor returns it as the day to resolve the report's relative dates against.
//
// Durations and frequencies are not dates: "for the first time in four years", "over the past two years",
// "a four-year war", "every Tuesday", "24 hours". Lower-case "may" is never a month, and a month name that is
// also a verb ("March") is a month only next to a day or year or after in/on/last/next/early/late/mid/since.
package timex
