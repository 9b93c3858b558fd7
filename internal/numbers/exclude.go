package numbers

import "strings"

// isCount reports whether the number at text[start:end] can be a count of things: not a year, date, time,
// ordinal, percentage, sum of money, model or resolution number.
func isCount(text string, start, end int, qualified bool) bool {
	prev, next := byteBefore(text, start), byteAt(text, end)
	if prev == '$' || isAlnum(prev) || prev == '/' || prev == '#' {
		return false
	}
	if prev == '-' && start >= 2 && isAlnum(text[start-2]) { // "S-300", "Su-24"
		return false
	}
	if strings.HasSuffix(text[:start], "€") || strings.HasSuffix(text[:start], "£") {
		return false
	}
	if isAlnum(next) || next == '%' || next == '/' || next == '°' {
		return false
	}
	if (next == ':' || next == '.' || next == '-') && isDigit(byteAt(text, end+1)) { // 10:30, 5.10.2016, 2016-10
		return false
	}
	if next == '-' && isAlnum(byteAt(text, end+1)) { // "four-year", "12-year-old"
		return false
	}
	after := strings.ToLower(leadingWord(text[end:]))
	switch after {
	case "percent", "per", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "dollars", "euros", "pounds", "bn", "m", "km",
		"kilometres", "kilometers", "miles", "metres", "meters", "kg", "tonnes", "tons", "hours", "hrs", "mm":
		if after == "per" && !strings.HasPrefix(strings.ToLower(strings.TrimLeft(text[end:], " ")), "per cent") {
			break
		}
		return false
	}
	if isMonth(after) || isMonth(strings.ToLower(lastWord(text[:start]))) {
		return false
	}
	if !qualified && isYear(text[start:end]) && !isPluralNoun(after) {
		return false
	}
	return !codeWord(lastWord(text[:start]))
}

// codeWord: words after which a number names something rather than counts it.
func codeWord(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "resolution", "article", "flight", "route", "highway", "road", "no", "number", "chapter", "section",
		"paragraph", "brigade", "division", "battalion", "regiment", "corps", "page", "volume", "model", "level",
		"grade", "room", "gate", "checkpoint", "km", "kilometre", "kilometer", "channel", "unit", "army", "protocol",
		"phase", "mark", "mk", "block", "tier", "zone", "sector", "district", "camp", "base", "hill", "point",
		"sura", "verse", "act", "law", "decree", "clause", "item", "kilo", "apartment", "platform", "line":
		return true
	}
	return false
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

func isMonth(w string) bool { return months[strings.TrimSuffix(w, ".")] }

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s >= "1800" && s <= "2100"
}

// isPluralNoun is a rough test for "1500 people", "2000 troops" after a bare four-digit number.
func isPluralNoun(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || w == "people" || w == "men" ||
		w == "women" || w == "children"
}

func leadingWord(s string) string {
	s = strings.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && (isAlnum(s[i]) || s[i] == '.') {
		i++
	}
	return s[:i]
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " \t")
	i := len(s)
	for i > 0 && (isAlnum(s[i-1]) || s[i-1] == '.') {
		i--
	}
	return s[i:]
}

func byteBefore(s string, i int) byte {
	if i <= 0 || i > len(s) {
		return 0
	}
	return s[i-1]
}

func byteAt(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' }
