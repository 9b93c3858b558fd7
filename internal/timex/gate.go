package timex

import "strings"

// Gates: cheap substring tests that let Find skip rules that cannot match.

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func hasDigitDash(s string) bool { return hasDigit(s) && strings.IndexByte(s, '-') >= 0 }

func hasDecade(s string) bool { return strings.Contains(s, "0s") }

func hasWeekday(s string) bool {
	for _, w := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAgo(s string) bool { return strings.Contains(s, "ago") }

func hasMonth(s string) bool {
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// hasRelative takes ASCII-lower-cased text (the relative rule folds).
func hasRelative(s string) bool {
	for _, w := range []string{"yesterday", "today", "tonight", "night", "this week", "this month", "this year",
		"last week", "last month", "last year", "weekend", "this morning", "this afternoon", "this evening",
		"day before", "in the week", "in the month", "in the year"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII k, ignoring ASCII case.
func containsFold(s, k string) bool {
	for i := 0; i+len(k) <= len(s); i++ {
		if s[i]|0x20 == k[0] && strings.EqualFold(s[i:i+len(k)], k) {
			return true
		}
	}
	return false
}

// hasYear: a run of exactly four digits starting 19 or 20.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) &&
			(i == 0 || !isDigitByte(s[i-1])) && (i+4 == len(s) || !isDigitByte(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// lowerASCII lower-cases the ASCII letters of s only, so that byte offsets into the result are offsets into s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
