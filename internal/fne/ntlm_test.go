package fne

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"golang.org/x/crypto/md4"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/netproxy"
	"licenseservermanager/internal/simulator"
)

// ntlmProxy is the NTLM side of a proxy in front of a forwardProxy: it
// offers NTLM and Basic, runs the NTLM handshake on one connection and
// checks the NTLMv2 answer against user and password before it lets the
// CONNECT through.
type ntlmProxy struct {
	*forwardProxy
	user, domain, password string

	mu         sync.Mutex
	challenges map[string][]byte // client address → the challenge sent
	handshakes int
	basic      int
}

var ntlmChallenge = []byte{1, 2, 3, 4, 5, 6, 7, 8}

func (p *ntlmProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Proxy-Authorization")
	scheme, token, _ := strings.Cut(auth, " ")
	msg, _ := base64.StdEncoding.DecodeString(token)
	refuse := func(offer ...string) {
		for _, o := range offer {
			w.Header().Add("Proxy-Authenticate", o)
		}
		w.WriteHeader(http.StatusProxyAuthRequired)
	}
	switch {
	case strings.EqualFold(scheme, "Basic"):
		p.mu.Lock()
		p.basic++
		p.mu.Unlock()
		refuse("NTLM", `Basic realm="corp"`)
	case !strings.EqualFold(scheme, "NTLM"):
		refuse("NTLM", `Basic realm="corp"`)
	case len(msg) >= 12 && binary.LittleEndian.Uint32(msg[8:]) == 1:
		p.mu.Lock()
		p.challenges[r.RemoteAddr] = ntlmChallenge
		p.mu.Unlock()
		refuse("NTLM " + base64.StdEncoding.EncodeToString(challengeMessage(ntlmChallenge)))
	default:
		p.mu.Lock()
		challenge, sameConn := p.challenges[r.RemoteAddr]
		p.mu.Unlock()
		if !sameConn || !p.valid(msg, challenge) {
			refuse("NTLM")
			return
		}
		p.mu.Lock()
		p.handshakes++
		p.mu.Unlock()
		r.Header.Del("Proxy-Authorization")
		p.forwardProxy.ServeHTTP(w, r)
	}
}

// challengeMessage is a CHALLENGE (type 2) message: Unicode, NTLM, with
// an empty target information list.
func challengeMessage(challenge []byte) []byte {
	var b bytes.Buffer
	b.WriteString("NTLMSSP\x00")
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	le(uint32(2))
	le([]uint16{0, 0})
	le(uint32(48))                                   // target name: none
	le(uint32(0x00000001 | 0x00000200 | 0x00800000)) // Unicode, NTLM, target info
	b.Write(challenge)
	b.Write(make([]byte, 8))
	le([]uint16{4, 4})
	le(uint32(48)) // target info: just the end of the list
	le([]uint16{0, 0})
	return b.Bytes()
}

// valid checks an AUTHENTICATE (type 3) message: the user and domain it
// names, and its NTLMv2 proof of the password.
func (p *ntlmProxy) valid(msg, challenge []byte) bool {
	field := func(at int) []byte {
		if len(msg) < at+8 {
			return nil
		}
		n, off := int(binary.LittleEndian.Uint16(msg[at:])), int(binary.LittleEndian.Uint32(msg[at+4:]))
		if off+n > len(msg) {
			return nil
		}
		return msg[off : off+n]
	}
	text := func(b []byte) string {
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u))
	}
	nt, domain, user := field(20), text(field(28)), text(field(36))
	if user != p.user || domain != p.domain || len(nt) <= 16 {
		return false
	}
	unicode := func(s string) []byte {
		var b []byte
		for _, c := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, c)
		}
		return b
	}
	hmacMD5 := func(key []byte, data ...[]byte) []byte {
		m := hmac.New(md5.New, key)
		for _, d := range data {
			m.Write(d)
		}
		return m.Sum(nil)
	}
	h := md4.New()
	h.Write(unicode(p.password))
	v2 := hmacMD5(h.Sum(nil), unicode(strings.ToUpper(user)+domain))
	return hmac.Equal(nt[:16], hmacMD5(v2, challenge, nt[16:]))
}

func TestAnNTLMProxyGetsTheHandshakeOnOneConnection(t *testing.T) {
	fwd, _, o, saw := proxied(t, simulator.DialectCLS, "cls.proxied.test")
	np := &ntlmProxy{forwardProxy: fwd, user: "bob", domain: "CORP", password: "pä:ss", challenges: map[string][]byte{}}
	front := httptest.NewServer(np)
	t.Cleanup(front.Close)
	o.Proxy = netproxy.Config{ProfileProxy: front.Listener.Addr().String()}.Choose

	o.ProxyCredentials = func() (string, string, bool, error) { return `CORP\bob`, "wrong", true, nil }
	_, err := New(o).Health(context.Background())
	if e := wantCode(t, err, apperr.AccessDenied); !strings.Contains(e.Message, "refused the proxy user name and password") {
		t.Fatalf("message %q", e.Message)
	}

	o.ProxyCredentials = func() (string, string, bool, error) { return `CORP\bob`, np.password, true, nil }
	if _, err := New(o).Health(context.Background()); err != nil {
		t.Fatal(err)
	}
	np.mu.Lock()
	handshakes, basic := np.handshakes, np.basic
	np.mu.Unlock()
	if handshakes == 0 || fwd.count(o.Host) == 0 {
		t.Fatalf("handshakes %d, tunnels %d", handshakes, fwd.count(o.Host))
	}
	if basic != 0 {
		t.Fatalf("Basic credentials were sent %d times to a proxy that offers NTLM", basic)
	}
	if len(saw.auth) != 0 {
		t.Fatalf("the server saw Proxy-Authorization %v", saw.auth)
	}
}
