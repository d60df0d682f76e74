package fne

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"unicode/utf8"

	"licenseservermanager/internal/apperr"
)

// HeaderPasswordChangeRequired is set by a server (the simulator, and the
// shape we expect of a real one) when the user must change the password
// before doing anything else.
const HeaderPasswordChangeRequired = "X-Password-Change-Required"

// transportError turns a failure below HTTP into a typed error. ctx is the
// caller's context: its own cancellation wins over what the transport saw.
func (c *Client) transportError(ctx context.Context, err error) error {
	where := c.RootURL()
	switch ctx.Err() {
	case context.Canceled:
		return apperr.Wrap(err, apperr.Cancelled, "The request to %s was cancelled.", where)
	case context.DeadlineExceeded:
		return apperr.Wrap(err, apperr.Timeout, "%s did not answer in time.", where)
	}
	if err := c.proxyFailure(err); err != nil {
		return err
	}
	var (
		certErr   *CertificateError
		dnsErr    *net.DNSError
		recordErr tls.RecordHeaderError
		netErr    net.Error
	)
	switch {
	case errors.As(err, &certErr):
		e := apperr.Wrap(err, apperr.TLSUntrusted, "The certificate of %s is not trusted: %s", where, certErr.Reason)
		for k, v := range certErr.Certificate.details() {
			e.WithDetail(k, v)
		}
		return e
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		return apperr.Wrap(err, apperr.Timeout, "%s did not answer in time.", where)
	case errors.As(err, &dnsErr):
		return apperr.Wrap(err, apperr.Unreachable, "The host name %s could not be resolved.", c.opts.Host)
	case errors.Is(err, syscall.ECONNREFUSED):
		return apperr.Wrap(err, apperr.Unreachable, "Nothing answers at %s (connection refused). Check the host, the port and that the server runs.", where)
	case errors.As(err, &recordErr):
		return apperr.Wrap(err, apperr.Unreachable, "%s does not speak HTTPS on this port; try HTTP.", where)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET):
		return apperr.Wrap(err, apperr.Unreachable, "%s closed the connection before answering.", where)
	default:
		return apperr.Wrap(err, apperr.Unreachable, "Cannot reach %s: %s", where, truncate(rootCause(err), 160))
	}
}

// unknownOutcome is the failure of a change whose request reached the
// server but whose answer was lost: the connection closed or the time ran
// out (or the user cancelled) while the server may already have acted.
// The caller must read the server's state before it reports or repeats.
func (c *Client) unknownOutcome(ctx context.Context, e Endpoint, err error) error {
	cause := apperr.From(c.transportError(ctx, err))
	return apperr.Wrap(err, apperr.OutcomeUnknown, "The answer to %s was lost after the request reached %s (%s), so whether the server did it is not known yet.",
		e.Label, c.RootURL(), strings.TrimSuffix(cause.Message, ".")).WithDetail("cause", string(cause.Code))
}

// retryable tells whether a transport failure may heal on its own.
func retryable(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// statusError turns a non-success HTTP answer into a typed error, using the
// endpoint table for the label, the role and whether the path names one
// resource.
func (c *Client) statusError(e Endpoint, resp *http.Response, body []byte) error {
	if resp.StatusCode == http.StatusProxyAuthRequired {
		return c.proxyFailure(&proxyError{status: resp.StatusCode})
	}
	said := parseErrorBody(resp.Header.Get("Content-Type"), body)
	if said.message == "" && isWebPage(resp.Header.Get("Content-Type"), body) {
		said.message = "the answer was a web page, so a proxy or another web server may answer at this address"
	}
	err := c.statusErrorSaying(e, resp, said)
	// The key is the server's stable name for the refusal: what a caller
	// may act on, where the message is only for people.
	if said.key != "" {
		err.WithDetail("key", said.key).WithDetail("arguments", said.arguments)
	}
	return err
}

// statusErrorSaying is statusError once the body is read.
func (c *Client) statusErrorSaying(e Endpoint, resp *http.Response, said errorBody) *apperr.Error {
	msg, status := said.message, resp.StatusCode
	switch {
	case status >= 300 && status < 400:
		loc := resp.Header.Get("Location")
		return apperr.New(apperr.Redirected, "The server redirected %s to %s, and the app never follows a redirect with your credentials: check the profile's host name, port and HTTPS setting.",
			e.Label, redirectTarget(loc)).WithDetail("location", loc)
	case status == http.StatusUnauthorized:
		if e.Op == OpAuthorize {
			return apperr.New(apperr.LoginRequired, "The user name or password is not correct.")
		}
		c.Logout()
		return withMessage(apperr.New(apperr.LoginRequired, "Please log in: the session is missing or has expired."), msg)
	case status == http.StatusForbidden:
		return c.forbidden(e, resp, said)
	case status == http.StatusNotFound && e.Resource != "":
		return withMessage(apperr.New(apperr.NotFound, "%s was not found.", capitalize(e.Resource)), msg)
	case status == http.StatusConflict:
		return withMessage(apperr.New(apperr.Conflict, "The server refused %s: it conflicts with what is already there.", e.Label), msg)
	case status == http.StatusBadRequest || status == http.StatusUnprocessableEntity || status == http.StatusRequestEntityTooLarge:
		return withMessage(apperr.New(apperr.InvalidInput, "The server refused %s.", e.Label), msg)
	case status >= 500:
		return withMessage(apperr.New(apperr.ServerError, "The server failed (%s) on %s.", resp.Status, e.Label), msg).WithDetail("status", status)
	default:
		return withMessage(apperr.New(apperr.ServerError, "The server answered %s to %s.", resp.Status, e.Label), msg).WithDetail("status", status)
	}
}

func (c *Client) forbidden(e Endpoint, resp *http.Response, said errorBody) *apperr.Error {
	var err *apperr.Error
	if said.message != "" {
		err = apperr.New(apperr.AccessDenied, "Access denied: %s", said.message)
	} else {
		err = apperr.New(apperr.AccessDenied, "Access denied to %s.", e.Label)
	}
	// A first login blocks everything until the password is changed; no
	// role would help, so none is named.
	if strings.EqualFold(resp.Header.Get(HeaderPasswordChangeRequired), "true") {
		err.WithDetail("passwordChangeRequired", true)
		c.mu.Lock()
		c.session.PasswordChangeRequired = true
		c.mu.Unlock()
		return err
	}
	// The table's role is a guess; a role the server names among its
	// arguments is what it checked (a legacy server guards offline
	// operations with ROLE_ADMIN, not ROLE_OFFLINE).
	role := e.Role
	for _, a := range said.arguments {
		if strings.HasPrefix(a, "ROLE_") {
			role = Role(a)
		}
	}
	if role != RoleNone {
		err.WithDetail("role", string(role))
		if !strings.Contains(err.Message, string(role)) {
			err.Message += " It needs the " + string(role) + " role."
		}
	}
	// Which roles the login has, so the user sees whether the role is
	// missing or the server refused for another reason.
	if sess, in := c.Session(); in {
		roles := strings.Join(sess.Roles, ", ")
		if roles == "" {
			roles = "none"
		}
		err.Message += fmt.Sprintf(" You are logged in as %s with the roles: %s.", sess.User, roles)
		err.WithDetail("roles", sess.Roles)
		if sess.HasRole(role) {
			err.Message += " The server refused although the login has the role."
		}
	}
	return err
}

// withMessage replaces the generic message with the server's own words when
// it gave any, keeping the generic one as the lead-in.
func withMessage(e *apperr.Error, server string) *apperr.Error {
	if server != "" {
		e.Message = strings.TrimSuffix(e.Message, ".") + ": " + server
		e.WithDetail("serverMessage", server)
	}
	return e
}

// errorBody is what an error answer says: the human message and, in the
// {"key": "glsErr.…", "message", "arguments"} body of real servers, the
// refusal's stable key and the values its message was made of.
type errorBody struct {
	message   string
	key       string
	arguments []string
}

// parseErrorBody digs the message out of an error body: a JSON object with
// message, errorMessage, error or detail, or a line of plain text. HTML
// pages and stack traces are not messages.
func parseErrorBody(contentType string, body []byte) errorBody {
	text := strings.TrimSpace(string(body))
	if text == "" {
		return errorBody{}
	}
	if text[0] == '{' {
		var m map[string]json.RawMessage
		if json.Unmarshal(body, &m) != nil {
			return errorBody{}
		}
		var out errorBody
		for _, k := range []string{"message", "errorMessage", "error", "detail"} {
			var s string
			if json.Unmarshal(m[k], &s) == nil && strings.TrimSpace(s) != "" {
				out.message = truncate(firstLine(s), 300)
				break
			}
		}
		if json.Unmarshal(m["key"], &out.key) == nil && out.key != "" {
			out.arguments = arguments(m["arguments"])
		}
		return out
	}
	if text[0] == '<' || strings.Contains(contentType, "html") {
		return errorBody{}
	}
	return errorBody{message: truncate(firstLine(text), 300)}
}

// arguments reads an error body's arguments as text: strings as they are,
// anything else (numbers, objects) as its JSON.
func arguments(raw json.RawMessage) []string {
	var list []json.RawMessage
	_ = json.Unmarshal(raw, &list)
	out := make([]string, len(list))
	for i, a := range list {
		if json.Unmarshal(a, &out[i]) != nil {
			out[i] = string(a)
		}
	}
	return out
}

// isWebPage tells whether an answer is HTML rather than the API's JSON.
func isWebPage(contentType string, body []byte) bool {
	return strings.Contains(contentType, "html") || firstByte(body) == '<'
}

// redirectTarget names where a redirect points, in a message.
func redirectTarget(location string) string {
	if location == "" {
		return "an address it did not give"
	}
	return truncate(location, 200)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// truncate cuts s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func rootCause(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}
