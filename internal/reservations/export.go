package reservations

import (
	"bytes"
	"encoding/json"
)

// Export writes groups in the import/export file format: an indented JSON
// array of groups with name, reservations, hostId {value, type} and
// reservationEntries {featureName, featureVersion, featureCount}, without
// the server's IDs, so the file can be imported into any server.
func Export(groups []Group) []byte {
	out := make([]Group, len(groups))
	for i, g := range groups {
		out[i] = g.WithoutIDs()
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	// Feature and group names are written as they are, not as \u003c
	// escapes meant for HTML pages.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		// Plain strings and integers always encode.
		panic("reservations: export: " + err.Error())
	}
	return b.Bytes()
}
