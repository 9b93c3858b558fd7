// Package numbers finds number phrases in English news text ("some 20", "at least 12", "more than a dozen",
// "between 5 and 7", "dozens", "twenty-one", "1.2 million") and reads them as a low/best/high range with a
// qualifier, the form of sitrep's fatality and injury counts.
//
// Conventions:
//   - exact ("20"): low = best = high = 20, qualifier "".
//   - approximately ("some 20", "about", "around", "nearly", "almost", "roughly", "an estimated"): 20/20/20.
//   - at least ("at least 12", "no fewer than"): low = best = 12, high nil.
//   - more than ("more than a dozen", "over 12"): low = best = 13, high nil.
//   - fewer than ("fewer than 10", "less than"): high = 9, low and best nil.
//   - at most / up to ("up to 30", "as many as 30"): best = high = 30, low nil.
//   - range ("between 5 and 7", "5 to 7", "5-7"): low 5, high 7, best = low (the figure the text vouches for).
//   - vague plurals: "dozens" low 24 high 99, "scores" low 40 high 99, "hundreds" low 200 high 999,
//     "thousands" low 2000 high 9999, "tens of thousands" low 20000 high 99999; best nil.
//
// Not counts: years (1900-2100 without a separator), ordinals, percentages, money, times, model and resolution
// numbers ("S-300", "Resolution 2254").
package numbers
