package reservations

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// valueKind is the JSON type of a node.
type valueKind int

const (
	kindNull valueKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// node is one JSON value of a file with the byte offset where it starts,
// so that every problem can point at the value or key it is about.
type node struct {
	kind valueKind
	off  int
	// text is a string's value, a number as written, or true/false.
	text    string
	members []member // an object's, in file order (a repeated key too)
	elems   []*node  // an array's
}

// member is one key of an object, with where the key starts.
type member struct {
	key string
	off int
	val *node
}

// get returns obj's member key, nil when absent. Of a key written twice
// the last counts, as JSON decoders (and Java servers) read it.
func (n *node) get(key string) *member {
	for i := len(n.members) - 1; i >= 0; i-- {
		if n.members[i].key == key {
			return &n.members[i]
		}
	}
	return nil
}

// describe names a value's type for a message.
func (n *node) describe() string {
	switch n.kind {
	case kindNull:
		return "null"
	case kindBool:
		return n.text
	case kindNumber:
		return "a number"
	case kindString:
		return "text"
	case kindArray:
		return "a list"
	}
	return "an object"
}

// readTree builds the tree of data, which must be one valid JSON value
// (the caller has checked it with a full decode, whose syntax errors carry
// consistent offsets). The decoder's token stream gives no start offsets,
// but between two tokens there are only spaces and one ',' or ':', so a
// token starts at the first other byte after the previous one ends.
func readTree(data []byte) *node {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tr := treeReader{data: data, dec: dec}
	return tr.value()
}

type treeReader struct {
	data []byte
	dec  *json.Decoder
}

func (tr *treeReader) start() int {
	off := int(tr.dec.InputOffset())
	for off < len(tr.data) && strings.IndexByte(" \t\r\n,:", tr.data[off]) >= 0 {
		off++
	}
	return off
}

// token reads the next token of valid JSON, where the decoder cannot fail.
func (tr *treeReader) token() json.Token {
	tok, err := tr.dec.Token()
	if err != nil {
		panic("reservations: reading checked JSON: " + err.Error())
	}
	return tok
}

func (tr *treeReader) value() *node {
	n := &node{off: tr.start()}
	switch t := tr.token().(type) {
	case json.Delim:
		if t == '{' {
			n.kind = kindObject
			for tr.dec.More() {
				off := tr.start()
				key := tr.token().(string)
				n.members = append(n.members, member{key: key, off: off, val: tr.value()})
			}
		} else {
			n.kind = kindArray
			n.elems = []*node{}
			for tr.dec.More() {
				n.elems = append(n.elems, tr.value())
			}
		}
		tr.token() // the closing bracket
	case string:
		n.kind, n.text = kindString, t
	case json.Number:
		n.kind, n.text = kindNumber, t.String()
	case bool:
		n.kind, n.text = kindBool, strconv.FormatBool(t)
	default:
		n.kind = kindNull
	}
	return n
}

// lines turns byte offsets into 1-based lines and columns, columns counted
// in characters as editors show them. Problems come mostly in the file's
// order, so a column is counted on from the last one asked for on the
// same line: a file written on one line costs no more than one that is
// not.
type lines struct {
	data   []byte
	starts []int // the offset each line starts at
	last   struct{ off, line, col int }
}

func newLines(data []byte) *lines {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lines{data: data, starts: starts}
}

// line is the line of the byte at off.
func (l *lines) line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

func (l *lines) at(off int) (line, col int) {
	off = min(max(off, 0), len(l.data))
	line = l.line(off)
	from, col := l.starts[line-1], 1
	if l.last.line == line && l.last.off <= off {
		from, col = l.last.off, l.last.col
	}
	col += utf8.RuneCount(l.data[from:off])
	l.last.off, l.last.line, l.last.col = off, line, col
	return line, col
}

// firstInvalidUTF8 is the offset of the first byte that is not UTF-8.
func firstInvalidUTF8(data []byte) int {
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			return off
		}
		off += size
	}
	return len(data)
}
