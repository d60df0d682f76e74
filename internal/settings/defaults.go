package settings

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/atomicfile"
)

// FieldHTTPS names the HTTPS preset in the problems of WritePresets.
const FieldHTTPS = "https"

// Presets are the server presets an installer was given, as text: the MSI
// package's HOST, PORT, HTTPS and CLS properties, the NSIS installer's
// /HOST= /PORT= /HTTPS= /CLS= switches. "" means not given, as an MSI
// property that is not set reads.
type Presets struct {
	Host, Port, HTTPS, CLS string
}

// WritePresets checks p with the rules of the NSIS installer's switches and
// of the Settings view and writes the defaults.json they make to path
// (MachineDefaults, beside the executables), atomically: an invalid preset writes nothing and returns an invalid-input
// error with one problem per preset (Field* names). The file has the bytes
// the NSIS installer writes for the same presets.
func WritePresets(path string, p Presets) error {
	raw, err := p.document()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(path, raw); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Could not write %s: %v", path, err)
	}
	return nil
}

// document is defaults.json for p, or p's problems.
func (p Presets) document() ([]byte, error) {
	var problems []apperr.Item
	add := func(field, code, format string, args ...any) {
		problems = append(problems, apperr.FieldProblem(field, code, fmt.Sprintf(format, args...)))
	}
	host := strings.TrimSpace(p.Host)
	if host == "" {
		if p.Port != "" || p.HTTPS != "" || p.CLS != "" {
			add(FieldHost, apperr.ItemRequired, "PORT, HTTPS and CLS need HOST as well: the host name or IP address of the license server.")
		} else {
			add(FieldHost, apperr.ItemRequired, "HOST needs a host name or IP address, e.g. HOST=lls01.corp.example.")
		}
		return nil, apperr.Invalid(problems...)
	}
	port := DefaultPort
	if p.Port != "" {
		n, err := strconv.Atoi(p.Port)
		if err != nil || strings.Trim(p.Port, "0123456789") != "" || n < 1 || n > 65535 {
			add(FieldPort, apperr.ItemFormat, "PORT=%s is not valid: the port must be a number from 1 to 65535.", p.Port)
		}
		port = n
	}
	https := p.HTTPS == "1"
	if p.HTTPS != "" && p.HTTPS != "0" && p.HTTPS != "1" {
		add(FieldHTTPS, apperr.ItemFormat, "HTTPS=%s is not valid: use HTTPS=1 (HTTPS) or HTTPS=0 (HTTP).", p.HTTPS)
	}
	in := ServerInput{PageSize: DefaultPageSize, Host: host, ServerType: ServerLocal, Port: port, HTTPS: https}
	if p.CLS != "" {
		in.ServerType, in.InstanceID, in.Port, in.HTTPS = ServerCLS, p.CLS, 0, true
		if p.Port != "" {
			add(FieldPort, apperr.ItemRefused, "PORT does not apply to a Cloud License Server (CLS): leave it out.")
		}
		if p.HTTPS == "0" {
			add(FieldHTTPS, apperr.ItemRefused, "A Cloud License Server (CLS) is always reached over HTTPS: leave out HTTPS=0.")
		}
	}
	for _, it := range ValidateServer(in) {
		// The port's own check above already names the value given.
		if it.Field != FieldPort {
			it.Message = presetName(it.Field) + ": " + it.Message
			problems = append(problems, it)
		}
	}
	if len(problems) > 0 {
		return nil, apperr.Invalid(problems...)
	}
	// The NSIS installer's layout (WriteDefaults in LicenseServerManager.nsi),
	// so that both packages leave the same file for the same presets.
	var b strings.Builder
	b.WriteString("{\r\n")
	fmt.Fprintf(&b, "  \"host\": %s,\r\n", jsonString(host))
	if in.ServerType == ServerCLS {
		b.WriteString("  \"https\": true,\r\n")
		fmt.Fprintf(&b, "  \"clsInstanceId\": %s\r\n", jsonString(strings.TrimSpace(p.CLS)))
	} else {
		fmt.Fprintf(&b, "  \"port\": %d,\r\n", port)
		fmt.Fprintf(&b, "  \"https\": %t\r\n", https)
	}
	b.WriteString("}\r\n")
	return []byte(b.String()), nil
}

// presetName is the installer property a problem's field was given as.
func presetName(field string) string {
	if field == FieldInstanceID {
		return "CLS"
	}
	return strings.ToUpper(field)
}

func jsonString(s string) string {
	raw, _ := json.Marshal(s) // a string always marshals
	return string(raw)
}
