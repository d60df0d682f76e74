package fne

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
)

// Observation is how the server last answered one operation: its status,
// content type and the shape of its body (field names and JSON kinds),
// never a value, so that a compatibility report can hold it.
type Observation struct {
	Outcome     ProbeOutcome `json:"outcome"`
	Status      int          `json:"status"`
	ContentType string       `json:"contentType"`
	// Shape is object, map, list, text, file or empty.
	Shape  string       `json:"shape"`
	Fields []FieldShape `json:"fields"`
	// Indented says whether the JSON came pretty-printed.
	Indented bool `json:"indented"`
}

// FieldShape is one field of a JSON object: its name, its kind (string,
// number, boolean, object, list or null) and, for a list of objects, the
// fields of its first element.
type FieldShape struct {
	Name   string       `json:"name"`
	Kind   string       `json:"kind"`
	Fields []FieldShape `json:"fields"`
}

// Shapes of an answer's body.
const (
	ShapeObject = "object"
	// ShapeMap is an object keyed by data, whose keys are not listed.
	ShapeMap   = "map"
	ShapeList  = "list"
	ShapeText  = "text"
	ShapeFile  = "file"
	ShapeEmpty = "empty"
)

// describeLimit bounds the JSON objects whose fields are listed: a list is
// described by its first element, which is cheap at any size, but an
// object's fields can only be named by scanning all of it.
const describeLimit = 8 << 20

// observe records how the server answered e; lacking says the answer showed
// the server does not have the operation.
func (c *Client) observe(e Endpoint, status int, contentType string, body []byte, lacking bool) {
	o := Observation{Outcome: outcomeOf(status), Status: status, ContentType: contentType}
	if lacking {
		o.Outcome = ProbeNotSupported
	}
	o.Shape, o.Fields, o.Indented = describe(contentType, body)
	if e.KeyedByData && o.Shape == ShapeObject && status < 300 {
		o.Shape, o.Fields = ShapeMap, []FieldShape{}
	}
	c.mu.Lock()
	if c.observed == nil {
		c.observed = map[Op]Observation{}
	}
	c.observed[e.Op] = o
	c.mu.Unlock()
}

// Observed is how the server last answered op in this session, if it did.
func (c *Client) Observed(op Op) (Observation, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.observed[op]
	return o, ok
}

func (c *Client) forget(op Op) {
	c.mu.Lock()
	delete(c.observed, op)
	c.mu.Unlock()
}

// outcomeOf is what status says of an operation the server did not lack
// (observe has already told): a refused input or a conflict shows the
// server has it; 410 is how a key revocation succeeds.
func outcomeOf(status int) ProbeOutcome {
	switch {
	case status >= 200 && status < 300, status == http.StatusGone:
		return ProbeSupported
	case status == http.StatusBadRequest, status == http.StatusConflict, status == http.StatusUnprocessableEntity, status == http.StatusRequestEntityTooLarge:
		return ProbeSupported
	case status == http.StatusUnauthorized:
		return ProbeLoginRequired
	case status == http.StatusForbidden:
		return ProbeAccessDenied
	case status == http.StatusNotFound:
		return ProbeNotFound
	}
	return ProbeError
}

// describe is the shape of a body: for JSON its fields in the server's
// order, for anything else whether it is text or a file.
func describe(contentType string, body []byte) (string, []FieldShape, bool) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return ShapeEmpty, []FieldShape{}, false
	}
	indented := bytes.IndexByte(trimmed[:min(len(trimmed), 256)], '\n') >= 0
	switch trimmed[0] {
	case '[':
		return ShapeList, elementFields(trimmed, 1), indented
	case '{':
		if len(trimmed) > describeLimit {
			return ShapeObject, []FieldShape{}, indented
		}
		return ShapeObject, objectFields(trimmed, 1), indented
	}
	media, _, _ := mime.ParseMediaType(contentType)
	if len(media) > 5 && media[:5] == "text/" {
		return ShapeText, []FieldShape{}, false
	}
	return ShapeFile, []FieldShape{}, false
}

// objectFields lists the fields of a JSON object in order, going depth
// levels into lists of objects; none when raw is not an object.
func objectFields(raw []byte, depth int) []FieldShape {
	out := []FieldShape{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return out
	}
	for dec.More() {
		key, err := dec.Token()
		name, ok := key.(string)
		if err != nil || !ok {
			return out
		}
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return out
		}
		f := FieldShape{Name: name, Kind: kindOf(v), Fields: []FieldShape{}}
		if f.Kind == "list" && depth > 0 {
			f.Fields = elementFields(v, depth-1)
		}
		out = append(out, f)
	}
	return out
}

// elementFields lists the fields of the first element of a JSON list; none
// when the list is empty or holds no objects.
func elementFields(raw []byte, depth int) []FieldShape {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') || !dec.More() {
		return []FieldShape{}
	}
	var first json.RawMessage
	if dec.Decode(&first) != nil {
		return []FieldShape{}
	}
	return objectFields(first, depth)
}

func kindOf(v json.RawMessage) string {
	switch firstByte(v) {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "list"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}
