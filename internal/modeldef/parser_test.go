package modeldef

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestExampleModel(t *testing.T) {
	src := readTestdata(t, "example.model")
	if diags := Validate(src); len(diags) > 0 {
		t.Fatalf("example.model: %v", diags)
	}
	m := mustParse(t, string(src))
	want := &Model{
		Name: "engineering-split",
		Partitions: []Partition{
			{Name: "engineering", Features: []Feature{
				{Name: "3D_Rendering", Version: "3.2", Amount: Amount{Kind: Percent, Value: 60}},
				{Name: "Export_to_CSV", Version: "4.8", Amount: Amount{Kind: Remainder}},
			}},
			{Name: "sales", Features: []Feature{
				{Name: "3D_Rendering", Version: "3.2", Amount: Amount{Kind: Count, Value: 10}},
			}},
		},
		Rules: []Rule{
			{Matcher: &Matcher{Kind: HostID, Args: []Arg{{Value: "7A7A77AAA77A/ETHERNET"}, {Value: "Joe/USER"}}},
				Use: []string{"engineering"}, UsePos: make([]Pos, 1), Action: Accept},
			{Matcher: &Matcher{Kind: Dictionary, Args: []Arg{{Key: "department", Value: "sales"}}},
				Use: []string{"sales", "default"}, UsePos: make([]Pos, 2), Action: Accept},
			{Matcher: &Matcher{Kind: Any}, Use: []string{"default"}, UsePos: make([]Pos, 1), Action: Accept},
		},
	}
	if got := stripPos(m); !reflect.DeepEqual(got, want) {
		t.Fatalf("parsed\n%#v\nwant\n%#v", got, want)
	}
	if m.Pos != (Pos{1, 7}) || m.Partitions[1].Pos != (Pos{7, 19}) || m.Partitions[0].Features[1].Amount.Pos != (Pos{5, 33}) ||
		m.Rules[1].Pos != (Pos{15, 5}) || m.Rules[1].UsePos[1] != (Pos{16, 22}) || m.Rules[0].Matcher.(*Matcher).Args[1].Pos != (Pos{11, 40}) {
		t.Errorf("positions: model %v, sales %v, remainder %v, rule 2 %v, its default %v, Joe %v", m.Pos, m.Partitions[1].Pos,
			m.Partitions[0].Features[1].Amount.Pos, m.Rules[1].Pos, m.Rules[1].UsePos[1], m.Rules[0].Matcher.(*Matcher).Args[1].Pos)
	}
	if got := Format(m); !bytes.Equal(got, src) {
		t.Errorf("example.model is canonical, but Format gives\n%s", got)
	}
}

// The guide's Model tab example is valid apart from its repeated partition
// name, which must be reported on the second occurrence.
func TestGuideModelRepeatsAPartition(t *testing.T) {
	src := readTestdata(t, "guide.model")
	m, diags := Parse(src)
	if len(diags) > 0 {
		t.Fatalf("syntax: %v", diags)
	}
	if m.Name != "exampleModelDefinition" || len(m.Partitions) != 5 || len(m.Rules) != 0 {
		t.Fatalf("parsed %+v", m)
	}
	diags = Validate(src)
	want := []Diagnostic{{Line: 8, Column: 15, Severity: SeverityError,
		Message: `partition "0800 - PUNE" is defined twice (first at line 5, column 15)`}}
	if !reflect.DeepEqual(diags, want) {
		t.Fatalf("diagnostics %v, want %v", diags, want)
	}
}

// The same model written in different layouts parses to the same model.
func TestCommentsAndWhitespace(t *testing.T) {
	want := stripPos(mustParse(t, string(readTestdata(t, "example.model"))))
	variants := map[string]string{
		"one line":  `model "engineering-split" { partitions { partition "engineering" { "3D_Rendering" 3.2 60% "Export_to_CSV" 4.8 remainder } partition "sales" { "3D_Rendering" 3.2 10 } } on hostid("7A7A77AAA77A/ETHERNET", "Joe/USER") { use "engineering" accept } on dictionary("department": "sales") { use "sales", "default" accept } on any() { use "default" accept } }`,
		"no spaces": `model"engineering-split"{partitions{partition"engineering"{"3D_Rendering"3.2 60%"Export_to_CSV"4.8 remainder}partition"sales"{"3D_Rendering"3.2 10}}on hostid("7A7A77AAA77A/ETHERNET","Joe/USER"){use"engineering"accept}on dictionary("department":"sales"){use"sales","default"accept}on any(){use"default"accept}}`,
		"tabs CRLF BOM comments": "\uFEFF// header comment\r\nmodel \"engineering-split\" { // trailing\r\n\tpartitions {\r\n\t\t/* block\r\n\t\t   comment */ partition \"engineering\" {\r\n" +
			"\t\t\t\"3D_Rendering\"   3.2\t60%  // sixty\r\n\t\t\t\"Export_to_CSV\" 4.8 /* inline */ remainder\r\n\t\t}\r\n\t\tpartition \"sales\" { \"3D_Rendering\" 3.2 10 }\r\n\t}\r\n" +
			"\ton hostid(\r\n\t\t\"7A7A77AAA77A/ETHERNET\", // a NIC\r\n\t\t\"Joe/USER\"\r\n\t) { use \"engineering\" accept }\r\n" +
			"\ton dictionary( \"department\" : \"sales\" ) {\r\n\t\tuse \"sales\" , \"default\"\r\n\t\taccept\r\n\t}\r\n\ton any ( ) { use \"default\" accept }\r\n}\r\n// the end",
		"non-breaking spaces": "model\u00a0\"engineering-split\" { partitions { partition \"engineering\" { \"3D_Rendering\" 3.2 60% \"Export_to_CSV\" 4.8 remainder } partition \"sales\" { \"3D_Rendering\" 3.2 10 } } on hostid(\"7A7A77AAA77A/ETHERNET\", \"Joe/USER\") { use \"engineering\" accept } on dictionary(\"department\": \"sales\") { use \"sales\", \"default\" accept } on any() { use \"default\" accept } }",
	}
	for name, src := range variants {
		m, diags := Parse([]byte(src))
		if len(diags) > 0 {
			t.Errorf("%s: %v", name, diags)
			continue
		}
		if got := stripPos(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parsed %+v", name, got)
		}
	}
}

func TestStringsAndVersions(t *testing.T) {
	m := mustParse(t, `model "a \"quoted\" \\ name" { partitions { partition "p/ü 1" { "F" 1 1 "F" 1.0.3 2 "日本語" 10.20 0 "G" 2.0 0% "H" 2.0 100% } } }`)
	if m.Name != `a "quoted" \ name` || m.Partitions[0].Name != "p/ü 1" {
		t.Errorf("names %q %q", m.Name, m.Partitions[0].Name)
	}
	var got []string
	for _, f := range m.Partitions[0].Features {
		got = append(got, f.Name+" "+f.Version+" "+f.Amount.String())
	}
	if want := "F 1 1|F 1.0.3 2|日本語 10.20 0|G 2.0 0%|H 2.0 100%"; strings.Join(got, "|") != want {
		t.Errorf("features %q, want %q", strings.Join(got, "|"), want)
	}
	// Columns count runes: the version after "日本語" starts at column 9.
	m = mustParse(t, "model \"m\" { partitions { partition \"p\" {\n\"日本語\" 10.20 0\n} } }")
	if pos := m.Partitions[0].Features[0].Amount.Pos; pos != (Pos{2, 13}) {
		t.Errorf("amount at %v, want 2:13", pos)
	}
	// A backslash that starts no escape is kept, with a warning.
	m, diags := Parse([]byte(`model "m" { partitions { partition "p" { "F" 1.0 1 } } on hostid("DOMAIN\joe/USER") { use "p" accept } }`))
	if v := m.Rules[0].Matcher.(*Matcher).Args[0].Value; v != `DOMAIN\joe/USER` || len(diags) != 1 || diags[0].Severity != SeverityWarning {
		t.Errorf("value %q, diagnostics %v", v, diags)
	}
}

func TestOperatorsAndPrecedence(t *testing.T) {
	tests := []struct{ matcher, want string }{
		{`any()`, `any()`},
		{`hostname("a") OR hostname("b") AND hostname("c")`, `(OR hostname(a) (AND hostname(b) hostname(c)))`},
		{`hostname("a") && hostname("b") || hostname("c")`, `(OR (AND hostname(a) hostname(b)) hostname(c))`},
		{`NOT hostname("a") AND hostname("b")`, `(AND (NOT hostname(a)) hostname(b))`},
		{`!(hostname("a") || hostname("b"))`, `(NOT (OR hostname(a) hostname(b)))`},
		{`hostname("a") AND hostname("b") AND hostname("c")`, `(AND (AND hostname(a) hostname(b)) hostname(c))`},
		{`hostname("a") AND (hostname("b") AND hostname("c"))`, `(AND hostname(a) (AND hostname(b) hostname(c)))`},
		{`(hostname("a") OR hostname("b")) AND hostname("c")`, `(AND (OR hostname(a) hostname(b)) hostname(c))`},
		{`hostname("a") || !hostid("b") && hosttype("c")`, `(OR hostname(a) (AND (NOT hostid(b)) hosttype(c)))`},
		{`NOT NOT any()`, `(NOT (NOT any()))`},
		{`! ! any()`, `(NOT (NOT any()))`},
		{`((((any()))))`, `any()`},
		{`dictionary("k": *, "l": "v") AND NOT (hostid("x/USER") OR hostname("y"))`, `(AND dictionary(k:*,l:v) (NOT (OR hostid(x/USER) hostname(y))))`},
		{`hostname("a","b" , "c")`, `hostname(a,b,c)`},
	}
	for _, tt := range tests {
		src := `model "m" { partitions { partition "p" { "F" 1.0 1 } } on ` + tt.matcher + ` { use "p" accept } }`
		m := mustParse(t, src)
		if got := sexpr(m.Rules[0].Matcher); got != tt.want {
			t.Errorf("%s\n parsed %s\n want   %s", tt.matcher, got, tt.want)
		}
		again := mustParse(t, string(Format(m)))
		if got := sexpr(again.Rules[0].Matcher); got != tt.want {
			t.Errorf("%s\n formatted as %s, which parses as %s", tt.matcher, Format(m), got)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	sources := []string{
		string(readTestdata(t, "example.model")),
		string(readTestdata(t, "guide.model")),
		`model "m" { partitions { partition "empty" { } partition "q\"\\" { "F\"" 1 0 } } }`,
		`model "m" { partitions { partition "p" { "F" 1.0 1 } } on NOT (any() OR hostname("a")) AND (hosttype("b") AND hostid("c")) { use "p", "default" deny } on dictionary("k": *) { use "p" accept } }`,
		`model "m" { partitions { partition "p" { "F" 1.0 1 } } on any() { } }`,
	}
	for _, src := range sources {
		m := mustParse(t, src)
		out := Format(m)
		again := mustParse(t, string(out))
		if !reflect.DeepEqual(stripPos(again), stripPos(m)) {
			t.Errorf("round trip changed the model:\n%s\nbecame\n%s", src, out)
		}
		if twice := Format(again); !bytes.Equal(twice, out) {
			t.Errorf("Format is not stable:\n%s\nthen\n%s", out, twice)
		}
	}
}

// A user sees every syntax error of a file at once, not only the first.
func TestParseRecoversAfterErrors(t *testing.T) {
	src := `model "m" {
    partitions {
        partition "p" {
            "A" abc 1
            "B" 1.0 lots
            "C" 1.0 5
        }
        partition "q" {
            "D" 2.0 3
    }
    on hostname("w") { use "p" accept }
    on hostname("x") AND { use "p" accept }
    on any() { use "q" accept }
}`
	m, diags := Parse([]byte(src))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`line 4, column 17: expected a version such as 3.2, found "abc"`,
		`line 5, column 21: expected an amount (a count such as 10, a percentage such as 60%, or remainder), found "lots"`,
		`line 11, column 5: missing "}" to close the partitions block opened at line 2, column 5`,
		`line 12, column 26: expected a matcher such as hostid(...), hostname(...), hosttype(...), dictionary(...) or any(), found "{"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(m.Partitions) != 2 || len(m.Partitions[0].Features) != 1 || m.Partitions[0].Features[0].Name != "C" ||
		len(m.Partitions[1].Features) != 1 || len(m.Rules) != 2 || m.Rules[1].Use[0] != "q" {
		t.Fatalf("partial model %+v", m)
	}
}
