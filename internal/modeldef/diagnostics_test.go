package modeldef

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"licenseservermanager/internal/hostid"
)

// model builds a model whose partition "p" holds the feature lines (the
// first on line 4) followed by the rules (on line 7 when there is one
// feature line).
func model(features, rules string) string {
	return "model \"m\" {\n    partitions {\n        partition \"p\" {\n" + features + "\n        }\n    }\n" + rules + "}\n"
}

const feature = `            "F" 1.0 3`

func rule(matcher, body string) string { return "    on " + matcher + " { " + body + " }\n" }

// show gives a diagnostic as the tests spell it: "line:column severity message".
func show(d Diagnostic) string {
	return fmt.Sprintf("%d:%d %s %s", d.Line, d.Column, d.Severity, d.Message)
}

func TestDiagnostics(t *testing.T) {
	twoParts := func(a, b string) string {
		return "model \"m\" {\n    partitions {\n        partition \"p\" {\n" + a + "\n        }\n        partition \"q\" {\n" + b + "\n        }\n    }\n}\n"
	}
	tests := []struct {
		name string
		src  string
		want []string // "line:column severity" followed by a part of the message
	}{
		// Lexical.
		{"bad character", model(feature+";", ""), []string{`4:22 error unexpected character ";"`}},
		{"single ampersand", model(feature, "    on any() & any() { use \"p\" accept }\n"), []string{`7:14 error unexpected character "&"; the AND operator is written "&&" or AND`}},
		{"smart quotes", model(`            “F” 1.0 3`, ""), []string{`4:13 error unexpected character "“"; strings are enclosed in straight double quotes`}},
		{"unterminated string", model(`            "F 1.0 3`, ""), []string{
			`4:13 error unterminated string: the closing " is missing on this line`,
			`5:9 error expected a version such as 3.2, found "}"`}},
		{"unterminated comment", model(feature, "/* open\n"), []string{
			`7:1 error unterminated comment: "/*" has no closing "*/"`,
			`9:1 error missing "}" to close the model opened at line 1, column 11`}},
		{"unknown escape", model(`            "F\x" 1.0 3`, ""), []string{`4:15 warning "\" does not start an escape here and is kept as written`}},

		// Syntax.
		{"model keyword", `modle "m" { partitions { partition "p" { "F" 1.0 3 } } }`, []string{`1:1 error expected "model", found "modle"`}},
		{"unquoted model name", `model m { partitions { partition "p" { "F" 1.0 3 } } }`, []string{`1:7 error expected the model name in double quotes, found "m"`}},
		{"model brace", "model \"m\"\n    partitions { partition \"p\" { \"F\" 1.0 3 } }\n}", []string{`2:5 error expected "{" after the model name, found "partitions"`}},
		{"partitions keyword", "model \"m\" {\n    partition \"p\" { \"F\" 1.0 3 }\n}", []string{`2:5 error expected a "partitions" block, found "partition"`}},
		{"no partition", "model \"m\" {\n    partitions {\n    }\n}", []string{`2:5 error the model defines no partition`}},
		{"partition keyword", "model \"m\" {\n    partitions {\n        parttion \"p\" { \"F\" 1.0 3 }\n    }\n}", []string{`3:9 error expected "partition" or "}", found "parttion"`}},
		{"unquoted partition name", "model \"m\" {\n    partitions {\n        partition p { \"F\" 1.0 3 }\n    }\n}", []string{`3:19 error expected the partition name in double quotes after "partition", found "p"`}},
		{"version", model(`            "F" abc 3`, ""), []string{`4:17 error expected a version such as 3.2, found "abc"`}},
		{"amount", model(`            "F" 1.0 lots`, ""), []string{`4:21 error expected an amount (a count such as 10, a percentage such as 60%, or remainder), found "lots"`}},
		{"missing amount", model(`            "F" 1.0 "G" 1.0 3`, ""), []string{`4:21 error expected an amount (a count such as 10, a percentage such as 60%, or remainder) after the version, found the string "G"`}},
		{"negative amount", model(`            "F" 1.0 -3`, ""), []string{`4:21 error amount -3 is negative`}},
		{"fractional percentage", model(`            "F" 1.0 2.5%`, ""), []string{`4:21 error amount 2.5% is not a whole percentage`}},
		{"huge count", model(`            "F" 1.0 99999999999999999999`, ""), []string{`4:21 error amount 99999999999999999999 is too large`}},
		{"capitalised remainder", model(`            "F" 1.0 Remainder`, ""), []string{`4:21 error expected an amount, found "Remainder"; did you mean "remainder"?`}},
		{"partition not closed", "model \"m\" {\n    partitions {\n        partition \"p\" {\n            \"F\" 1.0 3\n        partition \"q\" {\n            \"F\" 1.0 3\n        }\n    }\n}", []string{
			`5:9 error missing "}" to close the partition opened at line 3, column 23`}},
		{"partitions not closed", "model \"m\" {\n    partitions {\n        partition \"p\" {\n            \"F\" 1.0 3\n        }\n    on any() { use \"p\" accept }\n}", []string{
			`6:5 error missing "}" to close the partitions block opened at line 2, column 5`}},
		{"rule without on", model(feature, "    accept\n"), []string{`7:5 error expected a rule ("on ...") or "}" to close the model, found "accept"`}},
		{"unknown matcher", model(feature, rule(`host("a")`, `use "p" accept`)), []string{`7:8 error unknown matcher "host": use hostid, hostname, hosttype, dictionary or any`}},
		{"matcher case", model(feature, rule(`HostID("a")`, `use "p" accept`)), []string{`7:8 error unknown matcher "HostID": use hostid, hostname, hosttype, dictionary or any; did you mean hostid?`}},
		{"matcher without values", model(feature, rule(`hostid()`, `use "p" accept`)), []string{`7:8 error hostid() needs at least one value`}},
		{"any with arguments", model(feature, rule(`any("x")`, `use "p" accept`)), []string{`7:12 error any() takes no arguments`}},
		{"unbalanced matcher", model(feature, rule(`any(`, `use "p" accept`)), []string{`7:13 error unbalanced "(" of any( at line 7, column 11: expected ")", found "{"`}},
		{"unbalanced group", model(feature, rule(`(any()`, `use "p" accept`)), []string{`7:15 error unbalanced "(" at line 7, column 8: expected ")", found "{"`}},
		{"missing comma", model(feature, rule(`hostname("a" "b")`, `use "p" accept`)), []string{`7:21 error expected "," or ")" in hostname(...), found the string "b"`}},
		{"unquoted value", model(feature, rule(`hostname(a)`, `use "p" accept`)), []string{`7:17 error expected a value in double quotes in hostname(...), found "a"`}},
		{"dictionary colon", model(feature, rule(`dictionary("k" "v")`, `use "p" accept`)), []string{`7:23 error expected ":" after the dictionary key "k", found the string "v"`}},
		{"dictionary value", model(feature, rule(`dictionary("k": v)`, `use "p" accept`)), []string{`7:24 error expected a value in double quotes or * after the dictionary key "k", found "v"`}},
		{"missing operand", model(feature, rule(`any() AND`, `use "p" accept`)), []string{`7:18 error expected a matcher such as hostid(...), hostname(...), hosttype(...), dictionary(...) or any(), found "{"`}},
		{"lower-case operator", model(feature, rule(`any() and any()`, `use "p" accept`)), []string{`7:14 error expected "{" to start the rule's body, found "and"; operators are written AND (or &&, ||, !)`}},
		{"nested too deeply", model(feature, rule(strings.Repeat("(", 101)+"any()"+strings.Repeat(")", 101), `use "p" accept`)), []string{`7:108 error the matcher is nested too deeply (more than 100 levels)`}},
		{"use after accept", model(feature, rule(`any()`, `accept use "p"`)), []string{`7:23 error "use" must come before accept`}},
		{"two uses", model(feature, rule(`any()`, `use "p" use "default" accept`)), []string{`7:24 error a rule has one "use"; list its pools separated by commas`}},
		{"two actions", model(feature, rule(`any()`, `use "p" accept deny`)), []string{`7:31 error a rule takes exactly one accept or deny; it already has accept`}},
		{"use without pool", model(feature, rule(`any()`, `use accept`)), []string{
			`7:5 error the rule uses no pool; add for example use "default"`,
			`7:20 error expected a pool name in double quotes after "use", found "accept"`}},
		{"unknown word in rule", model(feature, rule(`any()`, `use "p" Accept`)), []string{
			`7:5 error the rule needs accept or deny after its pools`,
			`7:24 error expected "use", "accept", "deny" or "}" in the rule, found "Accept"; did you mean "accept"?`}},
		{"rule not closed", model(feature, "    on hostname(\"a\") { use \"p\" accept\n"+rule(`any()`, `use "p" accept`)), []string{
			`8:5 error missing "}" to close the rule at line 7, column 5`}},
		{"model not closed", strings.TrimSuffix(model(feature, rule(`any()`, `use "p" accept`)), "}\n"), []string{
			`8:1 error missing "}" to close the model opened at line 1, column 11`}},
		{"text after the model", model(feature, "") + "extra\n", []string{`8:1 error unexpected text after the end of the model: "extra"`}},

		// Semantics.
		{"reserved model name", `model "default" { partitions { partition "p" { "F" 1.0 3 } } }`, []string{`1:7 error the model name "default" is reserved by the server; choose another name`}},
		{"reserved model name in capitals", `model "Reservations" { partitions { partition "p" { "F" 1.0 3 } } }`, []string{`1:7 error the model name "Reservations" is reserved`}},
		{"empty model name", `model "" { partitions { partition "p" { "F" 1.0 3 } } }`, []string{`1:7 error the model name is empty`}},
		{"partition named default", "model \"m\" {\n    partitions {\n        partition \"Default\" { \"F\" 1.0 3 }\n    }\n}", []string{
			`3:19 error the partition name "Default" is reserved for the server's default pool, which rules can use without defining it`}},
		{"empty partition name", "model \"m\" {\n    partitions {\n        partition \"\" { \"F\" 1.0 3 }\n    }\n}", []string{`3:19 error the partition name is empty`}},
		{"duplicate partition", "model \"m\" {\n    partitions {\n        partition \"p\" { \"F\" 1.0 3 }\n        partition \"p\" { \"G\" 1.0 3 }\n    }\n}", []string{
			`4:19 error partition "p" is defined twice (first at line 3, column 19)`}},
		{"empty partition", model("", ""), []string{`3:19 warning partition "p" takes no feature, so it stays empty`}},
		{"empty feature name", model(`            "" 1.0 3`, ""), []string{`4:13 error the feature name is empty`}},
		{"duplicate feature", model(feature+"\n            \"F\" 2.0 3\n            \"F\" 1.0 4", ""), []string{
			`6:13 error feature "F" 1.0 is listed twice in partition "p" (first at line 4, column 13)`}},
		{"percentage above 100", model(`            "F" 1.0 120%`, ""), []string{`4:21 error amount 120% is more than 100%`}},
		{"percentages above 100 in all", twoParts(`            "F" 1.0 60%`, `            "F" 1.0 50%`), []string{
			`7:21 error the partitions take 110% of feature "F" 1.0 in all, more than 100%`}},
		{"two remainders", twoParts(`            "F" 1.0 remainder`, `            "F" 1.0 remainder`), []string{
			`7:21 error partition "p" already takes the remainder of feature "F" 1.0 (at line 3, column 19); only one partition can`}},
		{"undefined pool", model(feature, rule(`any()`, `use "q" accept`)), []string{`7:20 error pool "q" is not defined: use a partition of this model or "default"`}},
		{"pool in the wrong case", model(feature, rule(`any()`, `use "Default" accept`)), []string{`7:20 error pool "Default" is not defined: use a partition of this model or "default"; did you mean "default"?`}},
		{"pool listed twice", model(feature, rule(`any()`, `use "p", "p" accept`)), []string{`7:25 warning pool "p" is listed twice in this rule`}},
		{"rule without use", model(feature, rule(`any()`, `accept`)), []string{`7:5 error the rule uses no pool`}},
		{"rule without action", model(feature, rule(`any()`, `use "p"`)), []string{`7:5 error the rule needs accept or deny after its pools`}},
		{"unreachable rule", model(feature, rule(`any()`, `use "p" accept`)+rule(`hostname("a")`, `use "p" deny`)), []string{
			`8:5 warning this rule is never reached: the rule at line 7, column 5 matches every client first`}},
		{"unreachable after an OR with any", model(feature, rule(`hostname("a") OR any()`, `use "p" accept`)+rule(`hostname("b")`, `use "p" deny`)), []string{
			`8:5 warning this rule is never reached: the rule at line 7, column 5 matches every client first`}},
		{"rule that never matches", model(feature, rule(`NOT any()`, `use "p" accept`)), []string{`7:5 warning this rule never matches: its condition is always false`}},
		{"unknown host ID type", model(feature, rule(`hostid("a/MAC")`, `use "p" accept`)), []string{`7:15 error unknown host ID type "MAC" in "a/MAC"; the types are ETHERNET, STRING, USER`}},
		{"host ID type in lower case", model(feature, rule(`hostid("a/ethernet")`, `use "p" accept`)), []string{`7:15 error unknown host ID type "ethernet" in "a/ethernet"; the types are ETHERNET, STRING, USER, VM_UUID, FLEXID9, FLEXID10, INTERNET, INTERNET6, EXTENDED, PUBLISHER_DEFINED, CONTAINER_ID; did you mean ETHERNET?`}},
		{"empty host ID", model(feature, rule(`hostid("")`, `use "p" accept`)), []string{`7:15 error the host ID is empty`}},
		{"host ID without value", model(feature, rule(`hostid("/USER")`, `use "p" accept`)), []string{`7:15 error the host ID "/USER" has no value before its type`}},
		{"host ID without type", model(feature, rule(`hostid("a/")`, `use "p" accept`)), []string{`7:15 error the host ID "a/" ends with "/" but names no type`}},
		{"empty host name", model(feature, rule(`hostname("")`, `use "p" accept`)), []string{`7:17 error the hostname value is empty`}},
		{"empty host type", model(feature, rule(`hosttype("x", "")`, `use "p" accept`)), []string{`7:22 error the hosttype value is empty`}},
		{"empty dictionary key", model(feature, rule(`dictionary("": "x")`, `use "p" accept`)), []string{`7:19 error the dictionary key is empty`}},
		{"too large", strings.Repeat(" ", MaxSize+1), []string{`1:1 error the model definition is 921601 bytes; the server accepts at most 900 KB (921600 bytes)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := Validate([]byte(tt.src))
			ok := len(diags) == len(tt.want)
			for i := 0; ok && i < len(diags); i++ {
				ok = strings.HasPrefix(show(diags[i]), tt.want[i])
			}
			if !ok {
				var got []string
				for _, d := range diags {
					got = append(got, show(d))
				}
				t.Errorf("diagnostics of\n%s\ngot\n  %s\nwant\n  %s", tt.src, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestValidModelsHaveNoDiagnostics(t *testing.T) {
	var types []string
	for _, typ := range hostid.Types {
		types = append(types, `"v/`+typ+`"`)
	}
	tests := map[string]string{
		"host ID without type":   model(feature, rule(`hostid("joe")`, `use "p" accept`)),
		"slash in a host ID":     model(feature, rule(`hostid("a/b/STRING")`, `use "p" accept`)),
		"every host ID type":     model(feature, rule(`hostid(`+strings.Join(types, ", ")+`)`, `use "p" accept`)),
		"any dictionary value":   model(feature, rule(`dictionary("k": *, "l": "")`, `use "p" deny`)),
		"only the default pool":  model(feature, rule(`hosttype("VM")`, `use "default" accept`)),
		"zero counts":            model(`            "F" 1.0 0`+"\n"+`            "G" 1.0 0%`, ""),
		"percentages up to 100":  "model \"m\" { partitions { partition \"p\" { \"F\" 1.0 40% } partition \"q\" { \"F\" 1.0 60% \"F\" 2.0 100% } } }",
		"remainders of features": "model \"m\" { partitions { partition \"p\" { \"F\" 1.0 remainder } partition \"q\" { \"F\" 2.0 remainder \"G\" 1 remainder } } }",
		"a size at the limit":    string(bytes.Repeat([]byte(" "), MaxSize-len(model(feature, "")))) + model(feature, ""),
		"rules after a NOT any":  model(feature, rule(`NOT NOT any() AND hostname("a")`, `use "p" accept`)+rule(`any()`, `use "p" accept`)),
	}
	for name, src := range tests {
		if diags := Validate([]byte(src)); len(diags) > 0 {
			t.Errorf("%s: %v", name, diags)
		}
	}
}

func TestTooManyErrorsStops(t *testing.T) {
	src := model(strings.Repeat("            x\n", 200)+feature, "")
	diags := Validate([]byte(src))
	if len(diags) != maxSyntaxErrors+1 || !strings.HasPrefix(diags[len(diags)-1].Message, "too many errors") {
		t.Fatalf("%d diagnostics, last %v", len(diags), diags[len(diags)-1])
	}
}

func TestDiagnosticString(t *testing.T) {
	d := Diagnostic{Line: 4, Column: 12, Severity: SeverityError, Message: `expected a version such as 3.2, found "abc"`}
	if got := d.String(); got != `line 4, column 12: expected a version such as 3.2, found "abc"` {
		t.Errorf("error: %s", got)
	}
	d.Severity = SeverityWarning
	if got := d.String(); got != `line 4, column 12: warning: expected a version such as 3.2, found "abc"` {
		t.Errorf("warning: %s", got)
	}
	if HasErrors([]Diagnostic{d}) || !HasErrors([]Diagnostic{d, {Severity: SeverityError}}) || HasErrors(nil) {
		t.Error("HasErrors")
	}
}

func TestEndColumnUnderlinesTheToken(t *testing.T) {
	diags := Validate([]byte(model(`            "F" abcdef 3`, "")))
	if len(diags) != 1 || diags[0].Column != 17 || diags[0].EndColumn != 23 {
		t.Fatalf("%+v", diags)
	}
}
