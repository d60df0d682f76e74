// Package clientkey checks a client's public key file before it is uploaded
// to the license server, which accepts only a DER-encoded RSA public key of
// 2048 bits.
package clientkey

import (
	"bytes"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// MaxSize is far above a DER key (about 294 bytes); anything bigger is not
// a key, and reading it whole would be a waste.
const MaxSize = 64 << 10

// Bits is the only key size the server accepts.
const Bits = 2048

// Key describes an acceptable key.
type Key struct {
	Bits int
	// Fingerprint is the SHA-256 of the DER bytes, hex, so the admin can
	// compare it with what the producer sent.
	Fingerprint string
}

// ConvertCommand tells how to turn a PEM public key into DER.
const ConvertCommand = "openssl rsa -pubin -in key.pem -outform DER -out key.der"

// Check explains precisely why data is not an acceptable key, or describes it.
func Check(data []byte) (Key, error) {
	switch {
	case len(data) == 0:
		return Key{}, errors.New("the file is empty")
	case len(data) > MaxSize:
		return Key{}, fmt.Errorf("the file is %d KB; a 2048-bit DER public key is under 1 KB", len(data)>>10)
	}
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("-----BEGIN")) {
		kind := "PEM"
		if bytes.Contains(trimmed, []byte("PRIVATE KEY")) {
			return Key{}, errors.New("this is a private key in PEM format; upload only the public key, DER-encoded")
		}
		return Key{}, fmt.Errorf("this is a %s file; the server needs the key DER-encoded. Convert it with: %s", kind, ConvertCommand)
	}
	if strings.HasPrefix(string(trimmed), "ssh-rsa ") {
		return Key{}, errors.New("this is an OpenSSH public key; the server needs an X.509 (SubjectPublicKeyInfo) key, DER-encoded")
	}
	pub, err := x509.ParsePKIXPublicKey(data)
	if err != nil {
		if _, perr := x509.ParsePKCS1PublicKey(data); perr == nil {
			return Key{}, errors.New("this is a PKCS#1 RSA key; the server needs the X.509 SubjectPublicKeyInfo form: openssl rsa -RSAPublicKey_in -in key.der -inform DER -pubout -outform DER -out key-spki.der")
		}
		if _, perr := x509.ParsePKCS1PrivateKey(data); perr == nil {
			return Key{}, errors.New("this is a private key; upload only the public key")
		}
		if _, perr := x509.ParsePKCS8PrivateKey(data); perr == nil {
			return Key{}, errors.New("this is a private key; upload only the public key")
		}
		return Key{}, errors.New("this file is not a DER-encoded public key")
	}
	rk, ok := pub.(*rsa.PublicKey)
	if !ok {
		return Key{}, fmt.Errorf("this is a %s key; the server needs an RSA key of %d bits", keyKind(pub), Bits)
	}
	if n := rk.N.BitLen(); n != Bits {
		return Key{}, fmt.Errorf("this RSA key has %d bits; the server needs exactly %d", n, Bits)
	}
	sum := sha256.Sum256(data)
	return Key{Bits: Bits, Fingerprint: hex.EncodeToString(sum[:])}, nil
}

func keyKind(pub any) string {
	switch fmt.Sprintf("%T", pub) {
	case "*ecdsa.PublicKey":
		return "ECDSA"
	case "ed25519.PublicKey":
		return "Ed25519"
	}
	return "non-RSA"
}
