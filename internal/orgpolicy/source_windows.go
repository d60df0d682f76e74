package orgpolicy

import (
	"errors"

	"golang.org/x/sys/windows/registry"
)

// Machine reads the policies of company's product from the registry:
// HKLM\Software\Policies\<company>\LicenseServerManager, then the same key
// under HKCU.
func Machine(company string) Policies {
	key := `Software\Policies\` + company + `\LicenseServerManager`
	return Load(readKey(registry.LOCAL_MACHINE, `HKLM\`+key, key), readKey(registry.CURRENT_USER, `HKCU\`+key, key))
}

func readKey(root registry.Key, where, path string) Source {
	src := Source{Where: where, Values: map[string]Value{}}
	// Policies are machine-wide settings of a 64-bit app: the 64-bit view.
	k, err := registry.OpenKey(root, path, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if err != nil {
		return src // no key: no policies here
	}
	defer k.Close()
	names, err := k.ReadValueNames(0)
	if err != nil {
		return src
	}
	for _, name := range names {
		if v, ok := readValue(k, name); ok {
			src.Values[name] = v
		}
	}
	return src
}

func readValue(k registry.Key, name string) (Value, bool) {
	if n, _, err := k.GetIntegerValue(name); err == nil {
		return Value{IsNumber: true, Number: n}, true
	}
	if s, _, err := k.GetStringValue(name); err == nil {
		return Value{Text: []string{s}}, true
	}
	if ss, _, err := k.GetStringsValue(name); err == nil {
		return Value{Text: ss}, true
	} else if errors.Is(err, registry.ErrUnexpectedType) {
		return Value{Text: []string{}}, true
	}
	return Value{}, false
}
