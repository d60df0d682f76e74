package simulator

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
)

// uploadRestKey stores a client's public key for REST licensing: an RSA
// 2048-bit key in DER form (SubjectPublicKeyInfo or PKCS#1), nothing else.
func (s *Server) uploadRestKey(w http.ResponseWriter, r *http.Request, _ params) {
	der, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		s.fail(w, failInvalidKey, "The key could not be read.")
		return
	}
	if msg := checkRSAKey(der); msg != "" {
		s.fail(w, failInvalidKey, msg)
		return
	}
	s.mu.Lock()
	s.st.restKey = der
	s.mu.Unlock()
	s.writeJSON(w, http.StatusOK, struct {
		PublicKey string `json:"publicKey"`
	}{base64.StdEncoding.EncodeToString(der)})
}

func checkRSAKey(der []byte) string {
	if len(der) == 0 {
		return "The key file is empty."
	}
	if bytes.Contains(der[:min(len(der), 64)], []byte("-----BEGIN")) {
		return "The key is PEM text; upload the binary DER form of the RSA public key."
	}
	var key any
	if k, err := x509.ParsePKIXPublicKey(der); err == nil {
		key = k
	} else if k, err := x509.ParsePKCS1PublicKey(der); err == nil {
		key = k
	} else {
		return "The file is not a DER-encoded public key."
	}
	rk, ok := key.(*rsa.PublicKey)
	if !ok {
		return fmt.Sprintf("The key is a %T, not an RSA key; the server needs an RSA 2048-bit key.", key)
	}
	if bits := rk.N.BitLen(); bits != 2048 {
		return fmt.Sprintf("The key is RSA %d-bit; the server needs an RSA 2048-bit key.", bits)
	}
	return ""
}

// revokeRestKey forgets the client key. Real servers answer 410 Gone.
func (s *Server) revokeRestKey(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.Lock()
	s.st.restKey = nil
	s.mu.Unlock()
	s.fail(w, failKeyRevoked, "The client key has been revoked.")
}
