package fne

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"licenseservermanager/internal/simulator"
)

// referenceFeatures is the decoding the scanner is held to: encoding/json
// into []Feature with the Flex types' own UnmarshalJSON.
func referenceFeatures(body []byte) ([]Feature, error) {
	var fs []Feature
	err := json.Unmarshal(body, &fs)
	return fs, err
}

// sameAsReference fails when decodeFeatures and the scanner alone differ
// from the reference on body: the scanner may only take a body the
// reference decodes without error, to the same records, and the whole path
// must give the reference's records or its very error.
func sameAsReference(t *testing.T, body []byte) (taken bool) {
	t.Helper()
	want, wantErr := referenceFeatures(body)
	s := featureScanner{b: body}
	got, ok := s.list()
	if ok && (wantErr != nil || !reflect.DeepEqual(got, want)) {
		t.Fatalf("%.200q\nscanner: %+v\nencoding/json: %+v, %v", body, got, want, wantErr)
	}
	var all []Feature
	err := decodeFeatures(body, &all)
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() || err == nil && !reflect.DeepEqual(all, want) {
		t.Fatalf("%.200q\ndecodeFeatures: %+v, %v\nencoding/json: %+v, %v", body, all, err, want, wantErr)
	}
	return ok
}

// TestFeatureScannerTakesTheServersShapes holds that the bodies servers send
// are read by the scanner itself, not handed to encoding/json, and read
// alike: each dialect's list, the fixture and the lenient spellings.
func TestFeatureScannerTakesTheServersShapes(t *testing.T) {
	bodies := map[string][]byte{
		"fixture": readFixture(t, "features.json"),
		"counts as strings, floats, empty and null": []byte(`[{"id": "1", "featureName": "F", "featureCount": "100", "used": "75", "overdraftCount": 1.0, "reserved": null, "sharedUsed": "", "assignedReserved": "7.0", "unassignedReserved": -3}]`),
		"64-bit and beyond":                         []byte(`[{"id": 9223372036854775807, "featureCount": "99999999999999999999", "used": 1e30, "reserved": -1e300, "sharedUsed": 1.5e3, "meteredUndoInterval": 123456789012}]`),
		"unknown fields of every kind":              []byte(`[{"featureName": "F", "x": {"a": [1, -2.5e-3, true, false, null, "s\"", {}, []]}, "y": [], "z": "\u00e9", "featureVersion": "1.0"}]`),
		"keys in other cases":                       []byte(`[{"ID": 4, "FeatureName": "F", "FEATURECOUNT": "9", "Metered": true, "productname": "P"}]`),
		"escapes and non-ASCII in values":           []byte(`[{"featureName": "A\u0026B \"q\" \\ \/ \n", "vendor": "Sinnvoll GmbH – Köln", "expiry": "permanent"}]`),
		"null records, fields and a repeated key":   []byte(` [null, {"featureName": "F", "featureName": null, "metered": true, "metered": null, "used": 5, "used": null}, {}] `),
		"every field":                               everyFieldBody(t),
		"more records than a block":                 manyRecords(2*blockLen + 3),
		"empty list":                                []byte(`[]`),
		"no list":                                   []byte(`null`),
		"white space everywhere":                    []byte("\t[\r\n {\n \"id\" :\t1 ,\"featureName\"\n:\"F\" } \n]\n"),
	}
	for _, d := range simulator.Dialects {
		sim := simulator.New(simulator.Options{Dialect: d, Security: simulator.SecurityOff})
		bodies[string(d)+" dialect"] = getRaw(t, sim, "/api/1.0/instances/"+sim.InstanceID()+"/features")
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			if !sameAsReference(t, body) {
				t.Fatalf("the scanner left %.80q to encoding/json", body)
			}
		})
	}
}

// manyRecords is a list of n records, every tenth one null, each with its
// index as its ID and name, so records joined out of order differ.
func manyRecords(n int) []byte {
	var b strings.Builder
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		if i%10 == 9 {
			b.WriteString("null")
			continue
		}
		fmt.Fprintf(&b, `{"id": %d, "featureName": "F%d", "used": "%d"}`, i, i, i%7)
	}
	b.WriteByte(']')
	return []byte(b.String())
}

// everyFieldBody is one record with every field of Feature set to a value
// of its kind, so a field the scanner does not know fails the comparison.
func everyFieldBody(t *testing.T) []byte {
	t.Helper()
	typ := reflect.TypeFor[Feature]()
	var parts []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		var v string
		switch f.Type.Kind() {
		case reflect.Bool:
			v = "true"
		case reflect.String:
			v = strconv.Quote("v" + name)
		case reflect.Int64:
			v = strconv.Itoa(100 + i)
		default:
			t.Fatalf("field %s is a %s", f.Name, f.Type)
		}
		parts = append(parts, strconv.Quote(name)+": "+v)
	}
	return []byte("[{" + strings.Join(parts, ", ") + "}]")
}

// TestFeatureScannerLeavesTheRestToEncodingJSON holds the bodies the scanner
// must not take: errors come from encoding/json word for word, and what it
// decodes despite an odd spelling still decodes.
func TestFeatureScannerLeavesTheRestToEncodingJSON(t *testing.T) {
	tests := []struct {
		body    string
		wantErr bool
	}{
		{`{"features": [{"id": 1, "featureName": "trunc`, true},
		{`[{"id": 1}`, true},
		{`[{"id": 01}]`, true},
		{`[{"id": 1.}]`, true},
		{`[{"id": -}]`, true},
		{`[{"id": "abc"}]`, true},
		{`[{"id": true}]`, true},
		{`[{"id": {}}]`, true},
		{`[{"featureName": 5}]`, true},
		{`[{"metered": "true"}]`, true},
		{`[{"featureName": "a` + "\x01" + `"}]`, true},
		{`[{"featureName": "\x"}]`, true},
		{`[1]`, true},
		{`[{"id": 1}] x`, true},
		{`[{"id": 1},]`, true},
		{`[{"id": 1 "used": 2}]`, true},
		{"\ufeff[]", true},
		{`[{"x": ` + strings.Repeat("[", maxSkipDepth+2) + strings.Repeat("]", maxSkipDepth+2) + `}]`, false},
		{`[{"feature\u004eame": "escaped key"}]`, false},
		{`[{"featureName": "bad UTF-8 ` + "\xff" + `"}]`, false},
		// The Kelvin sign folds onto k: encoding/json matches it to featureKind.
		{`[{"featureKind": "a", "feature` + "\u212a" + `ind": "b"}]`, false},
	}
	for _, tt := range tests {
		s := featureScanner{b: []byte(tt.body)}
		if _, ok := s.list(); ok && tt.wantErr {
			t.Errorf("the scanner took %q", tt.body)
		}
		sameAsReference(t, []byte(tt.body))
		if _, err := referenceFeatures([]byte(tt.body)); (err != nil) != tt.wantErr {
			t.Errorf("%q: encoding/json says %v", tt.body, err)
		}
	}
}

// FuzzFeatureDecode compares the feature-list decoding with encoding/json on
// the fuzzed bytes as a body, and on a body built from them as a choice
// stream (genFeatures), whose records keep to the shapes servers send so
// that most of them reach the scanner's decoding rather than a syntax error.
func FuzzFeatureDecode(f *testing.F) {
	for _, seed := range []string{
		`[{"id": 1, "featureName": "F", "featureVersion": "1.0", "featureCount": 10, "used": 2, "metered": false}]`,
		`[{"id": "7", "featureCount": "12", "used": "12.0", "reserved": "", "sharedUsed": null, "overdraftCount": "1e3"}]`,
		`[{"FeatureName": "x", "productName": "P \u00e9", "vendorString": "a\"b", "extra": {"n": [1, 2, {"m": null}]}}]`,
		`[null, {}, {"uncounted": true, "uncounted": null, "expiry": "permanent"}]`,
		`[{"id": 9223372036854775807, "featureCount": -9223372036854775808, "used": 1e999}]`,
		"[\n  {\n    \"id\": \"3\",\n    \"featureName\": \"Legacy\"\n  }\n]",
		`null`,
		`[]`,
		"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsReference(t, data)
		sameAsReference(t, genFeatures(data))
	})
}

// genFeatures builds a feature list from choices, one byte each (zero once
// the bytes run out): how many records and fields, which key in which case,
// which spelling of a value and which white space.
func genFeatures(choices []byte) []byte {
	pick := func(n int) int {
		if len(choices) == 0 {
			return 0
		}
		c := choices[0]
		choices = choices[1:]
		return int(c) % n
	}
	keys := []string{"id", "featureId", "featureName", "featureVersion", "featureCount", "used", "sharedUsed", "reserved",
		"overdraftCount", "uncappedOverdraft", "type", "expiry", "metered", "uncounted", "meteredUndoInterval",
		"productName", "activationId", "unknown", "a_much_longer_unknown_key_than_any_field"}
	values := []string{`0`, `12`, `-3`, `"12"`, `" 12"`, `12.0`, `"7.0"`, `1.5e3`, `1E+2`, `""`, `null`, `true`, `false`,
		`"permanent"`, `"2025-11-27"`, `"a\"b"`, `"\u00e9t\u00e9"`, `"K\u00f6ln"`, `"x\ty"`, `"x\/y"`, `"\ud800"`,
		`9223372036854775807`, `9223372036854775808`, `-9223372036854775809`, `1e30`, `"99999999999999999999"`, `"abc"`,
		`"NaN"`, `"0x10"`, `{}`, `[]`, `{"a": [1, {"b": null}]}`, `[1, "two", [3]]`, `-0`, `0.5`, `"-"`}
	spaces := []string{"", " ", "\n  ", "\t", "\r\n"}
	var b strings.Builder
	b.WriteString(spaces[pick(len(spaces))])
	if pick(16) == 0 {
		b.WriteString("null")
		return []byte(b.String())
	}
	b.WriteByte('[')
	for r := range pick(4) {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteString(spaces[pick(len(spaces))])
		if pick(12) == 0 {
			b.WriteString("null")
			continue
		}
		b.WriteByte('{')
		for i := range pick(9) {
			if i > 0 {
				b.WriteByte(',')
			}
			key := []byte(keys[pick(len(keys))])
			for j := range key {
				if pick(8) == 0 && key[j] >= 'a' && key[j] <= 'z' {
					key[j] -= 'a' - 'A'
				}
			}
			b.WriteString(spaces[pick(len(spaces))])
			b.WriteString(strconv.Quote(string(key)))
			b.WriteString(spaces[pick(len(spaces))] + ":" + spaces[pick(len(spaces))])
			b.WriteString(values[pick(len(values))])
		}
		b.WriteString(spaces[pick(len(spaces))] + "}")
	}
	b.WriteString("]" + spaces[pick(len(spaces))])
	return []byte(b.String())
}
