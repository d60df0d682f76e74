package fne

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
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
	accept      string
	// okStatus lists extra statuses that count as success (410 for revoke).
	okStatus []int
}

// reply is a successful answer with its body read in full.
type reply struct {
	status int
	header http.Header
	body   []byte
}

const (
	maxErrorBody = 64 << 10
	maxBody      = 1 << 30
)

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
func (c *Client) do(ctx context.Context, cl call) (reply, error) {
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
	wait := c.opts.RetryBackoff
	for n := 1; ; n++ {
		r, transient, err := c.attempt(ctx, e, u, cl)
		if err == nil || !transient || n >= attempts {
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
// would only multiply the wait), a certificate or a protocol problem.
func (c *Client) attempt(ctx context.Context, e Endpoint, u string, cl call) (reply, bool, error) {
	timeout := c.opts.RequestTimeout
	if e.Upload {
		timeout = c.opts.UploadTimeout
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	req := c.http.R().SetContext(actx).SetDoNotParseResponse(true)
	if tok := c.currentToken(); tok != "" {
		req.SetAuthToken(tok)
	}
	if cl.accept != "" {
		req.SetHeader("Accept", cl.accept)
	} else {
		req.SetHeader("Accept", "application/json")
	}
	if cl.body != nil {
		req.SetHeader("Content-Type", cl.contentType).SetBody(cl.body)
	}
	resp, err := req.Execute(e.Method, u)
	if err != nil {
		return reply{}, ctx.Err() == nil && retryable(err), c.transportError(ctx, err)
	}
	raw := resp.RawResponse
	defer raw.Body.Close()

	status := raw.StatusCode
	if status >= 200 && status < 300 || containsInt(cl.okStatus, status) {
		var r io.Reader = raw.Body
		if progress.Enabled(ctx) {
			r = &countingReader{r: raw.Body, ctx: ctx, total: max(raw.ContentLength, 0), what: e.Label}
		}
		body, err := readBody(r, raw.ContentLength)
		if err != nil {
			return reply{}, ctx.Err() == nil && retryable(err), c.transportError(ctx, err)
		}
		return reply{status: status, header: raw.Header, body: body}, false, nil
	}
	body, _ := io.ReadAll(io.LimitReader(raw.Body, maxErrorBody))
	transient := status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
	return reply{}, transient, c.statusError(e, raw, body)
}

// readBody reads a whole body into one buffer sized from Content-Length, so
// a large list is copied once and then decoded once.
func readBody(r io.Reader, n int64) ([]byte, error) {
	if n > 0 && n <= maxBody {
		buf := make([]byte, n)
		_, err := io.ReadFull(r, buf)
		return buf, err
	}
	return io.ReadAll(io.LimitReader(r, maxBody))
}

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
	if err := json.Unmarshal(body, out); err != nil {
		return apperr.Wrap(err, apperr.ServerError, "The server's answer to %s could not be read: %s", EndpointFor(op).Label, truncate(err.Error(), 160))
	}
	return nil
}
