package simulator

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Offline files are binary, like a real server's, with a small signed
// header:
//
//	magic "FNESIM" | version 1 | kind | instance ID length | instance ID |
//	nonce (16) | payload length (uint32 BE) | payload (JSON) | HMAC-SHA256 (32)
//
// The HMAC uses the server's key: the simulated back office is the server
// itself, so it can check the requests it answers and the server can check
// the responses it loads.
var fileMagic = []byte("FNESIM")

const (
	fileVersion           = 1
	kindCapabilityRequest = 1
	kindActivationRequest = 2
	kindResponse          = 3
	nonceSize             = 16
	macSize               = sha256.Size
	maxOfflineFile        = 1 << 20
)

type offlineFile struct {
	kind     byte
	instance string
	nonce    []byte
	payload  []byte
	signed   []byte // everything the MAC covers
	mac      []byte
}

// offlinePayload is the JSON inside requests and responses.
type offlinePayload struct {
	Request      string `json:"request,omitempty"` // nonce of the request a response answers
	HostID       string `json:"hostid,omitempty"`
	ActivationID string `json:"activationId,omitempty"`
	Count        int64  `json:"count,omitempty"`
}

func (s *Server) encodeFile(kind byte, p offlinePayload) ([]byte, string) {
	nonce := make([]byte, nonceSize)
	_, _ = rand.Read(nonce)
	payload, _ := json.Marshal(p)
	var b bytes.Buffer
	b.Write(fileMagic)
	b.WriteByte(fileVersion)
	b.WriteByte(kind)
	b.WriteByte(byte(len(s.opts.InstanceID)))
	b.WriteString(s.opts.InstanceID)
	b.Write(nonce)
	_ = binary.Write(&b, binary.BigEndian, uint32(len(payload)))
	b.Write(payload)
	b.Write(s.mac(b.Bytes()))
	return b.Bytes(), hex.EncodeToString(nonce)
}

func (s *Server) mac(data []byte) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write(data)
	return m.Sum(nil)
}

// parseFile splits a file into its parts, or says in plain words why it is
// not an offline file of ours.
func parseFile(b []byte) (offlineFile, string) {
	const truncated = "The file is truncated: it ends before its signature."
	if !bytes.HasPrefix(b, fileMagic) {
		if len(b) > 0 && len(b) < len(fileMagic) && bytes.HasPrefix(fileMagic, b) {
			return offlineFile{}, truncated
		}
		return offlineFile{}, "The file is not a license server request or response (unknown format)."
	}
	r := b[len(fileMagic):]
	if len(r) < 3 {
		return offlineFile{}, truncated
	}
	if r[0] != fileVersion {
		return offlineFile{}, fmt.Sprintf("The file has format version %d, which this server does not read.", r[0])
	}
	f := offlineFile{kind: r[1]}
	idLen := int(r[2])
	r = r[3:]
	if len(r) < idLen+nonceSize+4 {
		return offlineFile{}, truncated
	}
	f.instance, f.nonce = string(r[:idLen]), r[idLen:idLen+nonceSize]
	r = r[idLen+nonceSize:]
	n := int(binary.BigEndian.Uint32(r))
	r = r[4:]
	if len(r) < n+macSize {
		return offlineFile{}, truncated
	}
	if len(r) > n+macSize {
		return offlineFile{}, "The file is damaged: it has data after its signature."
	}
	f.payload, f.mac = r[:n], r[n:]
	f.signed = b[:len(b)-macSize]
	return f, ""
}

// capabilityRequest makes an offline poll for updates.
func (s *Server) capabilityRequest(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, nonce := s.encodeFile(kindCapabilityRequest, offlinePayload{HostID: s.st.hostIDs[0].Value})
	s.st.issued[nonce] = true
	writeFile(w, "capability-request.bin", b)
}

// activationRequest makes an offline request for an activation ID.
func (s *Server) activationRequest(w http.ResponseWriter, r *http.Request, _ params) {
	var a wireActivation
	if !s.readJSON(w, r, &a) {
		return
	}
	if strings.TrimSpace(a.ActivationID) == "" || a.Count <= 0 {
		s.fail(w, failInvalidActivation, "An activation request needs an activation ID and a count above zero.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, nonce := s.encodeFile(kindActivationRequest, offlinePayload{HostID: s.st.hostIDs[0].Value, ActivationID: a.ActivationID, Count: a.Count})
	s.st.issued[nonce] = true
	writeFile(w, "activation-request.bin", b)
}

func writeFile(w http.ResponseWriter, name string, b []byte) {
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	writeBody(w, http.StatusOK, "application/octet-stream", b)
}

// MakeCapabilityResponse plays the back office: it answers a request file
// this server made with a response file the server will load. An activation
// request for an unknown ID is refused, as the back office would.
func (s *Server) MakeCapabilityResponse(request []byte) ([]byte, error) {
	f, msg := parseFile(request)
	switch {
	case msg != "":
		return nil, errors.New(msg)
	case f.kind != kindCapabilityRequest && f.kind != kindActivationRequest:
		return nil, errors.New("the file is not a request")
	case f.instance != s.opts.InstanceID:
		return nil, fmt.Errorf("the request comes from instance %s, not %s", f.instance, s.opts.InstanceID)
	case !hmac.Equal(f.mac, s.mac(f.signed)):
		return nil, errors.New("the request is damaged: its signature does not match")
	}
	var req offlinePayload
	if err := json.Unmarshal(f.payload, &req); err != nil {
		return nil, fmt.Errorf("the request is damaged: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.kind == kindActivationRequest {
		if _, ok := s.st.entitlements[req.ActivationID]; !ok {
			return nil, fmt.Errorf("the back office does not know activation ID %s", req.ActivationID)
		}
	}
	resp := offlinePayload{Request: hex.EncodeToString(f.nonce), ActivationID: req.ActivationID, Count: req.Count}
	b, _ := s.encodeFile(kindResponse, resp)
	return b, nil
}

// capabilityResponse loads a response file. Activation responses need a
// confirmation request afterwards; poll responses do not.
func (s *Server) capabilityResponse(w http.ResponseWriter, r *http.Request, _ params) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxOfflineFile+1))
	if err != nil {
		s.fail(w, failInvalidResponse, "The file could not be read.")
		return
	}
	if len(body) > maxOfflineFile {
		s.fail(w, failInvalidResponse, "The file is too large to be a capability response.")
		return
	}
	f, msg := parseFile(body)
	switch {
	case msg != "":
	case f.kind != kindResponse:
		msg = "This file is a request, not a response: take it to the back office and load the response it gives you."
	case f.instance != s.opts.InstanceID:
		msg = fmt.Sprintf("This response was made for another license server (instance %s), not for this one (%s).", f.instance, s.opts.InstanceID)
	case !hmac.Equal(f.mac, s.mac(f.signed)):
		msg = "The response is damaged: its signature does not match its content."
	}
	if msg != "" {
		s.fail(w, failInvalidResponse, msg)
		return
	}
	var p offlinePayload
	if err := json.Unmarshal(f.payload, &p); err != nil {
		s.fail(w, failInvalidResponse, "The response is damaged: its content cannot be read.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := hex.EncodeToString(f.nonce)
	switch {
	case !s.st.issued[p.Request]:
		s.fail(w, failInvalidResponse, "This response does not answer a request made by this server.")
		return
	case s.st.loaded[id]:
		s.fail(w, failResponseLoaded, "This response has already been loaded.")
		return
	}
	confirm := false
	if p.ActivationID != "" {
		if _, fail := s.st.activate(s, p.ActivationID, p.Count); fail != "" {
			s.fail(w, failInvalidResponse, fail)
			return
		}
		confirm = true
	}
	s.st.loaded[id] = true
	s.writeJSON(w, http.StatusOK, struct {
		ConfirmationRequestNeeded bool `json:"confirmationRequestNeeded"`
	}{confirm})
}
