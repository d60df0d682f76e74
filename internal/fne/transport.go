package fne

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/progress"
)

// call is one request to the server, described by its operation.
type call struct {
	op          Op
	params      []string // placeholder name, value, name, value...
	body        []byte
	contentType string
	// okStatus lists extra statuses that count as success (410 for revoke).
	okStatus []int
	// audit is what the audit log says of a change; nil for a read.
	audit *audited
}

// audited describes a change for the audit log; user is who asks, when
// not the session's user (a login).
type audited struct {
	summary, user string
}

// told tells Options.OnChange of an audited call's outcome.
func (c *Client) told(cl call, err error) {
	if cl.audit == nil || c.opts.OnChange == nil {
		return
	}
	user := cl.audit.user
	if user == "" {
		s, _ := c.Session()
		user = s.User
	}
	c.opts.OnChange(Change{Op: cl.op, Operation: EndpointFor(cl.op).Label, Summary: cl.audit.summary, User: user, Err: err})
}

// reply is a successful answer with its body read in full.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// maxErrorBody bounds what is read of an error answer: a message, or a
// proxy's page.
const maxErrorBody = 64 << 10

// endpointURL builds the URL of e from the table, escaping placeholders.
func (c *Client) endpointURL(e Endpoint, params []string) (string, error) {
	path := e.Path
	for i := 0; i+1 < len(params); i += 2 {
		if params[i+1] == "" {
			return "", apperr.New(apperr.InvalidInput, "No %s given for %s.", params[i], e.Label)
		}
		path = strings.ReplaceAll(path, "{"+params[i]+"}", url.PathEscape(params[i+1]))
	}
	if strings.Contains(path, "{") {
		return "", apperr.New(apperr.Internal, "fne: %s is missing a path parameter", e.Op)
	}
	if e.Scope == ScopeRoot {
		return c.RootURL() + "/api/1.0" + path, nil
	}
	if c.opts.CLS && c.opts.InstanceID == "" {
		return "", apperr.New(apperr.InvalidInput, "A Cloud License Server needs its instance ID.")
	}
	return c.BaseURL() + path, nil
}

// do sends cl, retrying idempotent GETs on transient failures only, and
// returns the answer or a typed error.
func (c *Client) do(ctx context.Context, cl call) (r reply, err error) {
	defer func() { c.told(cl, err) }()
	if c.setupErr != nil {
		return reply{}, c.setupErr
	}
	e := EndpointFor(cl.op)
	u, err := c.endpointURL(e, cl.params)
	if err != nil {
		return reply{}, err
	}
	attempts := 1
	if e.Method == http.MethodGet {
		attempts += c.opts.Retries
	}
	// A retry helps when the server fails fast (a gateway restarting); one
	// that answers slowly would only make the user wait several times over.
	window := c.opts.RequestTimeout / 2
	start := time.Now()
	wait := c.opts.RetryBackoff
	for n := 1; ; n++ {
		r, transient, err := c.attempt(ctx, e, u, cl)
		if err == nil || !transient || n >= attempts || time.Since(start)+wait > window {
			return r, err
		}
		select {
		case <-ctx.Done():
			return reply{}, c.transportError(ctx, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// attempt makes one request. transient says whether a retry could help: a
// refused or dropped connection or a gateway status; never a timeout (it
// would only multiply the wait), a certificate or a protocol problem. A
// change whose request went out but whose answer did not come back has an
// unknown outcome (see unknownOutcome).
func (c *Client) attempt(ctx context.Context, e Endpoint, u string, cl call) (reply, bool, error) {
	timeout := c.opts.RequestTimeout
	if e.Upload {
		timeout = c.opts.UploadTimeout
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var sent atomic.Bool
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { sent.Store(true) }})
	lost := func(err error) error {
		if e.Method != http.MethodGet && sent.Load() {
			return c.unknownOutcome(ctx, e, err)
		}
		return c.transportError(ctx, err)
	}

	req := c.http.R().SetContext(actx).SetDoNotParseResponse(true)
	if tok := c.currentToken(); tok != "" {
		req.SetAuthToken(tok)
	}
	req.SetHeader("Accept", e.Answer.accept())
	if cl.body != nil {
		req.SetHeader("Content-Type", cl.contentType).SetBody(cl.body)
	}
	resp, err := req.Execute(e.Method, u)
	if err != nil {
		return reply{}, ctx.Err() == nil && retryable(err), lost(err)
	}
	raw := resp.RawResponse
	defer raw.Body.Close()

	status := raw.StatusCode
	if status >= 200 && status < 300 || containsInt(cl.okStatus, status) {
		var r io.Reader = raw.Body
		if progress.Enabled(ctx) {
			r = &countingReader{r: raw.Body, ctx: ctx, total: max(raw.ContentLength, 0), what: e.Label}
		}
		body, err := readBody(r, raw.ContentLength, e.maxAnswer())
		if err != nil {
			if ae := (*apperr.Error)(nil); errors.As(err, &ae) {
				return reply{}, false, ae
			}
			return reply{}, ctx.Err() == nil && retryable(err), lost(err)
		}
		why := unexpectedAnswer(e, raw.Header.Get("Content-Type"), body)
		c.observe(e, status, raw.Header.Get("Content-Type"), body, why != "")
		if why != "" {
			return reply{}, false, c.notOffered(ctx, e, status, why, errorBody{})
		}
		return reply{status: status, header: raw.Header, body: body}, false, nil
	}
	body, _ := io.ReadAll(io.LimitReader(raw.Body, maxErrorBody))
	lacking := lacks(e, status, raw.Header.Get("Content-Type"), body)
	c.observe(e, status, raw.Header.Get("Content-Type"), body, lacking)
	if lacking {
		return reply{}, false, c.notOffered(ctx, e, status, "", parseErrorBody(raw.Header.Get("Content-Type"), body))
	}
	transient := status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
	err = c.statusError(e, raw, body)
	if status == http.StatusGatewayTimeout && e.Method != http.MethodGet {
		// A gateway that stopped waiting cannot say what the server behind
		// it did with the change.
		return reply{}, false, apperr.Wrap(err, apperr.OutcomeUnknown, "A gateway in front of %s stopped waiting for the answer to %s, so whether the server did it is not known yet.",
			c.RootURL(), e.Label).WithDetail("cause", string(apperr.Timeout))
	}
	return reply{}, transient, err
}

// errTooLarge is the answer of a server that sends more than its endpoint's
// bound; readBody wraps it in a message with the bound.
var errTooLarge = errors.New("answer too large")

// readBody reads a whole body of at most limit bytes. A Content-Length
// within the bound sizes the buffer, so a large list is copied once and
// decoded once; a larger one is refused before anything is read, and a
// body without one grows only as it arrives.
func readBody(r io.Reader, contentLength, limit int64) ([]byte, error) {
	tooLarge := apperr.Wrap(errTooLarge, apperr.ServerError, "The server's answer is larger than %d MB, more than any license server sends; it was not read.", limit>>20)
	if contentLength > limit {
		return nil, tooLarge
	}
	if contentLength > 0 {
		buf := make([]byte, contentLength)
		_, err := io.ReadFull(r, buf)
		return buf, err
	}
	// Without a length, the body is read in pieces and joined once: a
	// buffer that doubles as it grows would allocate about four times the
	// bound on an endless answer before refusing it.
	var pieces [][]byte
	var n int64
	for {
		piece := make([]byte, min(readPiece, limit+1-n))
		k, err := io.ReadFull(r, piece)
		pieces = append(pieces, piece[:k])
		n += int64(k)
		if n > limit {
			return nil, tooLarge
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return bytes.Join(pieces, nil), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readPiece is the size of the pieces a body without a length is read in.
const readPiece = 256 << 10

// countingReader reports how much of a large answer has arrived, at most
// once per reportEvery bytes, so a 100,000-record list shows its progress
// without a report per read; an answer smaller than that reports nothing.
type countingReader struct {
	r           io.Reader
	ctx         context.Context
	total, read int64
	reported    int64
	what        string
}

const reportEvery = 256 << 10

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += int64(n)
	if c.read-c.reported >= reportEvery || c.reported > 0 && c.read > c.reported && (c.read == c.total || err != nil) {
		c.reported = c.read
		progress.Report(c.ctx, progress.Step{Message: "Receiving " + c.what, Done: c.read, Total: c.total, Unit: "bytes"})
	}
	return n, err
}

// unmarshal decodes a body with encoding/json, except the feature list,
// whose size makes its decoding the wait users notice (decodeFeatures).
func unmarshal(body []byte, out any) error {
	if fs, ok := out.(*[]Feature); ok {
		return decodeFeatures(body, fs)
	}
	return json.Unmarshal(body, out)
}

// firstByte is the first byte of body that is not JSON white space.
func firstByte(body []byte) byte {
	for _, b := range body {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b
	}
	return 0
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// getJSON sends cl and decodes the JSON answer into out.
func (c *Client) getJSON(ctx context.Context, cl call, out any) error {
	r, err := c.do(ctx, cl)
	if err != nil {
		return err
	}
	return decodeInto(cl.op, r.body, out)
}

// sendJSON encodes in as the body of cl; out may be nil when the answer does
// not matter.
func (c *Client) sendJSON(ctx context.Context, cl call, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return apperr.Wrap(err, apperr.Internal, "Cannot encode the request: %v", err)
	}
	cl.body, cl.contentType = b, "application/json"
	r, err := c.do(ctx, cl)
	if err != nil || out == nil {
		return err
	}
	return decodeInto(cl.op, r.body, out)
}

func decodeInto(op Op, body []byte, out any) error {
	if len(body) == 0 {
		return apperr.New(apperr.ServerError, "The server sent an empty answer to %s.", EndpointFor(op).Label)
	}
	if firstByte(body) == '<' {
		return apperr.New(apperr.ServerError, "The server answered %s with a web page, not JSON: a proxy or another web server may answer at this address.", EndpointFor(op).Label)
	}
	if err := unmarshal(body, out); err != nil {
		if syn := (*json.SyntaxError)(nil); errors.As(err, &syn) && syn.Offset <= 1 {
			return apperr.Wrap(err, apperr.ServerError, "The server answered %s with text that is not JSON (it begins %q).", EndpointFor(op).Label, truncate(firstLine(string(body)), 40))
		}
		return apperr.Wrap(err, apperr.ServerError, "The server's answer to %s could not be read: %s", EndpointFor(op).Label, truncate(err.Error(), 160))
	}
	return nil
}
