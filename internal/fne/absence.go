package fne

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"licenseservermanager/internal/apperr"
)

// lacks tells whether an error answer says the server has no such
// operation: 405 or 501 anywhere; 404 on a path that names no single
// resource, or on one that does when a web page came instead of the
// license server's own refusal (a missing record is refused in JSON; an
// unknown path is answered by the web container).
func lacks(e Endpoint, status int, contentType string, body []byte) bool {
	switch status {
	case http.StatusMethodNotAllowed, http.StatusNotImplemented:
		return true
	case http.StatusNotFound:
		return e.Resource == "" || isWebPage(contentType, body)
	}
	return false
}

// unexpectedAnswer says why a successful answer cannot come from the
// operation e names ("" when it can). A web page is never an API answer:
// servers and the proxies before them answer unknown paths with one. A read
// whose JSON comes under another type is still read, as long as it is JSON;
// the answer to a change is only refused when it is a web page, because the
// app does not read it.
func unexpectedAnswer(e Endpoint, contentType string, body []byte) string {
	if e.Answer == AnswerAny || len(bytes.TrimSpace(body)) == 0 {
		return ""
	}
	media, _, _ := mime.ParseMediaType(contentType)
	first := firstByte(body)
	page := media == "text/html" || media == "application/xhtml+xml" || media == "" && first == '<'
	if page {
		return fmt.Sprintf("it answered with a web page where %s was expected, as a web server or proxy does for a path it does not know", e.Answer.what())
	}
	if e.Answer != AnswerJSON || e.Method != http.MethodGet || media == "" || isJSONType(media) || first == '{' || first == '[' {
		return ""
	}
	return fmt.Sprintf("it answered with %s where JSON was expected", media)
}

func isJSONType(media string) bool {
	return media == "application/json" || strings.HasSuffix(media, "+json")
}

// notOffered is the error of an operation the server lacks. It names the
// server's version, asking for it when no health answer is known yet, so
// that the administrator can tell the producer which release lacks what.
func (c *Client) notOffered(ctx context.Context, e Endpoint, status int, why string, said errorBody) error {
	version := c.serverVersion(ctx, e)
	msg := "This server does not offer " + e.Label
	if version != "" {
		msg += " (server version " + version + ")"
	}
	if why != "" {
		msg += ": " + why
	}
	err := apperr.New(apperr.NotSupported, "%s.", msg).WithDetail("operation", string(e.Op)).WithDetail("status", status)
	if version != "" {
		err.WithDetail("serverVersion", version)
	}
	if said.key != "" {
		err.WithDetail("key", said.key).WithDetail("arguments", said.arguments)
	}
	return err
}

// serverVersion is the version of the last health answer, or a fresh one.
// The health endpoints themselves are not asked again: their absence means
// the address is not a license server at all.
func (c *Client) serverVersion(ctx context.Context, e Endpoint) string {
	c.mu.Lock()
	v := c.version
	c.mu.Unlock()
	if v != "" || e.Op == OpHealth || e.Op == OpInstanceHealth || e.Op == OpPing {
		return v
	}
	if h, err := c.Health(ctx); err == nil {
		return h.Version
	}
	return ""
}
