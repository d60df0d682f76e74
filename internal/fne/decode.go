package fne

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"
)

// decodeFeatures decodes a feature list. The list is the one body users wait
// on (100,000 records, tens of megabytes), and encoding/json spends most of
// that time in reflection and in a validating pre-pass, so the records are
// read straight from the bytes. The scanner takes only what it can decode
// exactly as encoding/json would; on anything else (a syntax or type error,
// an escaped or non-ASCII key, deep nesting) it gives up and encoding/json
// decodes the body, so results and errors stay encoding/json's own
// (decodeInto words its message by a syntax error's offset).
func decodeFeatures(body []byte, out *[]Feature) error {
	s := featureScanner{b: body}
	if fs, ok := s.list(); ok {
		*out = fs
		return nil
	}
	return json.Unmarshal(body, out)
}

// maxSkipDepth bounds the nesting of an unknown field's value the scanner
// walks; deeper values go to encoding/json, which has its own bound.
const maxSkipDepth = 64

// featureScanner reads a JSON array of feature records from b; i is the
// next byte to read. folded holds a key in another case than the field's,
// folded without allocating; a longer key matches no field.
type featureScanner struct {
	b      []byte
	i      int
	folded [24]byte
}

// list reads the whole body: null (no list) or an array of records, each an
// object or null (a zero record), as encoding/json decodes into []Feature.
func (s *featureScanner) list() ([]Feature, bool) {
	s.space()
	var fs []Feature
	switch s.peek() {
	case 'n':
		if !s.literal("null") {
			return nil, false
		}
	case '[':
		s.i++
		fs = []Feature{}
		s.space()
		if s.peek() == ']' {
			s.i++
			break
		}
		var blocks featureBlocks
		for {
			s.space()
			if s.peek() == 'n' {
				blocks.next()
				if !s.literal("null") {
					return nil, false
				}
			} else if !s.feature(blocks.next()) {
				return nil, false
			}
			s.space()
			c := s.next()
			if c == ']' {
				break
			}
			if c != ',' {
				return nil, false
			}
		}
		fs = blocks.join()
	default:
		return nil, false
	}
	s.space()
	return fs, s.i == len(s.b)
}

// featureBlocks collects records in blocks of blockLen and joins them into
// one slice of the exact length at the end: appending to a single slice
// would allocate and copy about five times the list's size on its way to
// 100,000 records.
type featureBlocks struct {
	full [][]Feature
	cur  []Feature
}

const blockLen = 4096

// next adds a zero record and returns it to be decoded into.
func (b *featureBlocks) next() *Feature {
	if len(b.cur) == blockLen {
		b.full = append(b.full, b.cur)
		b.cur = make([]Feature, 0, blockLen)
	}
	b.cur = append(b.cur, Feature{})
	return &b.cur[len(b.cur)-1]
}

func (b *featureBlocks) join() []Feature {
	if len(b.full) == 0 {
		return b.cur
	}
	out := make([]Feature, 0, len(b.full)*blockLen+len(b.cur))
	for _, block := range b.full {
		out = append(out, block...)
	}
	return append(out, b.cur...)
}

// feature reads one record object into f.
func (s *featureScanner) feature(f *Feature) bool {
	if s.next() != '{' {
		return false
	}
	s.space()
	if s.peek() == '}' {
		s.i++
		return true
	}
	for {
		s.space()
		key, ok := s.key()
		if !ok {
			return false
		}
		s.space()
		if s.next() != ':' {
			return false
		}
		s.space()
		if !s.field(f, key) {
			return false
		}
		s.space()
		switch s.next() {
		case ',':
		case '}':
			return true
		default:
			return false
		}
	}
}

// key reads an object key as it is sent. A key with an escape or a
// non-ASCII byte (which Unicode folding may map onto a field name) is left
// to encoding/json.
func (s *featureScanner) key() ([]byte, bool) {
	if s.peek() != '"' {
		return nil, false
	}
	start := s.i + 1
	end := bytes.IndexByte(s.b[start:], '"')
	if end < 0 {
		return nil, false
	}
	key := s.b[start : start+end]
	for _, c := range key {
		if c == '\\' || c < 0x20 || c >= 0x80 {
			return nil, false
		}
	}
	s.i = start + end + 1
	return key, true
}

// featureKeys maps the key of each Feature field, folded to lower case, to
// its spelling in the struct tags: encoding/json matches a key to a field
// case-insensitively when no field has its exact spelling.
var featureKeys = func() map[string]string {
	m := map[string]string{}
	t := reflect.TypeFor[Feature]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		m[strings.ToLower(name)] = name
	}
	return m
}()

// field reads the value of key into its field of f, or skips it when the
// key names no field.
func (s *featureScanner) field(f *Feature, key []byte) bool {
	if ok, known := s.set(f, key); known {
		return ok
	}
	if len(key) <= len(s.folded) {
		folded := s.folded[:len(key)]
		for i, c := range key {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded[i] = c
		}
		if name, found := featureKeys[string(folded)]; found {
			if ok, known := s.set(f, []byte(name)); known {
				return ok
			}
		}
	}
	return s.skip(0)
}

// set reads the value of the field spelt key into f; known is false when no
// field is spelt so.
func (s *featureScanner) set(f *Feature, key []byte) (ok, known bool) {
	switch string(key) {
	case "id":
		return s.flexInt(&f.ID), true
	case "featureId":
		return s.str(&f.FeatureID), true
	case "featureName":
		return s.str(&f.Name), true
	case "featureVersion":
		return s.str(&f.Version), true
	case "featureCount":
		return s.flexInt(&f.Count), true
	case "used":
		return s.flexInt(&f.Used), true
	case "sharedUsed":
		return s.flexInt(&f.SharedUsed), true
	case "reserved":
		return s.flexInt(&f.Reserved), true
	case "assignedReserved":
		return s.flexInt(&f.AssignedReserved), true
	case "unassignedReserved":
		return s.flexInt(&f.UnassignedReserved), true
	case "overdraftCount":
		return s.flexInt(&f.OverdraftCount), true
	case "overdraftUsedCount":
		return s.flexInt(&f.OverdraftUsedCount), true
	case "uncappedOverdraft":
		return s.boolean(&f.UncappedOverdraft), true
	case "type":
		return s.str(&f.Type), true
	case "featureKind":
		return s.str(&f.FeatureKind), true
	case "vendor":
		return s.str(&f.Vendor), true
	case "expiry":
		return s.str(&f.Expiry), true
	case "receivedTime":
		return s.str(&f.ReceivedTime), true
	case "metered":
		return s.boolean(&f.Metered), true
	case "meteredReusable":
		return s.boolean(&f.MeteredReusable), true
	case "meteredUndoInterval":
		return s.flexInt(&f.MeteredUndoInterval), true
	case "concurrent":
		return s.boolean(&f.Concurrent), true
	case "uncounted":
		return s.boolean(&f.Uncounted), true
	case "startDate":
		return s.str(&f.StartDate), true
	case "vendorString":
		return s.str(&f.VendorString), true
	case "productName":
		return s.str(&f.ProductName), true
	case "productVersion":
		return s.str(&f.ProductVersion), true
	case "activationId":
		return s.str(&f.ActivationID), true
	case "entitlementId":
		return s.str(&f.EntitlementID), true
	}
	return false, false
}

// flexInt reads a count exactly as FlexInt.UnmarshalJSON reads it: the raw
// token, a string with its quotes and escapes untouched.
func (s *featureScanner) flexInt(p *FlexInt) bool {
	start := s.i
	var ok bool
	switch c := s.peek(); {
	case c == '"':
		ok = s.skipString()
	case c == '-' || c >= '0' && c <= '9':
		ok = s.number()
	case c == 'n':
		ok = s.literal("null")
	}
	if !ok {
		return false
	}
	v, err := parseFlexInt(s.b[start:s.i])
	*p = v
	return err == nil
}

// str reads a string field; null leaves it as it is, as in encoding/json.
func (s *featureScanner) str(p *string) bool {
	switch s.peek() {
	case 'n':
		return s.literal("null")
	case '"':
	default:
		return false
	}
	start := s.i + 1
	ascii := true
	for j := start; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			if ascii || utf8.Valid(s.b[start:j]) {
				*p = string(s.b[start:j])
				s.i = j + 1
				return true
			}
			return s.quoted(p)
		case c == '\\':
			return s.quoted(p)
		case c < 0x20:
			return false
		case c >= 0x80:
			ascii = false
		}
	}
	return false
}

// quoted reads a string with escapes or invalid UTF-8 through encoding/json,
// which unescapes it and replaces bad bytes in its own way. Such strings are
// rare enough that one call each costs nothing.
func (s *featureScanner) quoted(p *string) bool {
	start := s.i
	if !s.skipString() {
		return false
	}
	return json.Unmarshal(s.b[start:s.i], p) == nil
}

// boolean reads a flag; null leaves it as it is, as in encoding/json.
func (s *featureScanner) boolean(p *bool) bool {
	switch s.peek() {
	case 't':
		*p = true
		return s.literal("true")
	case 'f':
		*p = false
		return s.literal("false")
	case 'n':
		return s.literal("null")
	}
	return false
}

// skip walks over one value of a field the client does not read, checking
// its syntax as encoding/json does.
func (s *featureScanner) skip(depth int) bool {
	switch c := s.peek(); {
	case c == '"':
		return s.skipString()
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '{' || c == '[':
		if depth == maxSkipDepth {
			return false
		}
		end := byte(']')
		if c == '{' {
			end = '}'
		}
		s.i++
		s.space()
		if s.peek() == end {
			s.i++
			return true
		}
		for {
			s.space()
			if c == '{' {
				if !s.skipString() {
					return false
				}
				s.space()
				if s.next() != ':' {
					return false
				}
				s.space()
			}
			if !s.skip(depth + 1) {
				return false
			}
			s.space()
			switch s.next() {
			case ',':
			case end:
				return true
			default:
				return false
			}
		}
	}
	return false
}

// skipString walks over a string token, checking its escapes.
func (s *featureScanner) skipString() bool {
	if s.peek() != '"' {
		return false
	}
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			s.i = j + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			j++
			if j == len(s.b) {
				return false
			}
			switch s.b[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(s.b) || !isHex(s.b[j+1]) || !isHex(s.b[j+2]) || !isHex(s.b[j+3]) || !isHex(s.b[j+4]) {
					return false
				}
				j += 4
			default:
				return false
			}
		}
	}
	return false
}

// number walks over a number token of the strict JSON grammar: no leading
// zeros, no bare '.', an exponent with digits.
func (s *featureScanner) number() bool {
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case c >= '1' && c <= '9':
		s.digits()
	default:
		return false
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

// digits walks over one or more decimal digits.
func (s *featureScanner) digits() bool {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

func (s *featureScanner) literal(lit string) bool {
	if len(s.b)-s.i < len(lit) || string(s.b[s.i:s.i+len(lit)]) != lit {
		return false
	}
	s.i += len(lit)
	return true
}

// space walks over JSON white space.
func (s *featureScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek is the next byte, 0 at the end (a byte no JSON token starts with).
func (s *featureScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// next reads one byte, 0 at the end.
func (s *featureScanner) next() byte {
	c := s.peek()
	if s.i < len(s.b) {
		s.i++
	}
	return c
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
