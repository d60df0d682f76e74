package clientkey

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"testing"
)

func rsaDER(t *testing.T, bits int) []byte {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func TestCheck(t *testing.T) {
	good := rsaDER(t, 2048)
	small := rsaDER(t, 1024)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	pkcs1 := x509.MarshalPKCS1PublicKey(&rk.PublicKey)
	priv := x509.MarshalPKCS1PrivateKey(rk)
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: good})
	pemPriv := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: priv})
	tests := []struct {
		name string
		data []byte
		want string // substring of the error; "" = accepted
	}{
		{"2048-bit DER", good, ""},
		{"empty", nil, "empty"},
		{"too big", make([]byte, MaxSize+1), "KB"},
		{"PEM", pemKey, "openssl rsa -pubin"},
		{"PEM private", pemPriv, "private key"},
		{"1024 bits", small, "1024 bits"},
		{"EC key", ecDER, "ECDSA"},
		{"PKCS#1", pkcs1, "PKCS#1"},
		{"private DER", priv, "private key"},
		{"random bytes", []byte("\x01\x02\x03 not a key at all"), "not a DER-encoded public key"},
		{"truncated", good[:100], "not a DER-encoded public key"},
		{"ssh", []byte("ssh-rsa AAAAB3NzaC1yc2E admin@host"), "OpenSSH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := Check(tt.data)
			if tt.want == "" {
				if err != nil || k.Bits != 2048 || len(k.Fingerprint) != 64 {
					t.Fatalf("%+v %v", k, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
