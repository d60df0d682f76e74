package session

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpecialCharacters are the ones the Cloud License Server accepts as the
// required special character (FNE-API.md).
const SpecialCharacters = "(^*$-+?_&=!%{}/#)"

// PasswordProblems lists what is wrong with a new password under the
// documented Cloud License Server rules; none means it is acceptable. The
// same rules are applied to local servers, which accept any password the
// CLS accepts.
func PasswordProblems(pw string) []string {
	var out []string
	n := utf8.RuneCountInString(pw)
	if n < 8 || n > 30 {
		out = append(out, "Use 8 to 30 characters.")
	}
	var upper, lower, special bool
	for _, r := range pw {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case strings.ContainsRune(SpecialCharacters, r):
			special = true
		}
	}
	if !upper {
		out = append(out, "Include at least one upper-case letter.")
	}
	if !lower {
		out = append(out, "Include at least one lower-case letter.")
	}
	if !special {
		out = append(out, "Include at least one of these characters: ( ^ * $ - + ? _ & = ! % { } / # )")
	}
	return out
}
