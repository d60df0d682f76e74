package branding

import (
	_ "embed"
	"encoding/json"
)

// sampleJSON is the app's default navigation, the one definition that
// branding/sampleData.json (shipped to producers) and the frontend's nav
// model are both tested against.
//
//go:embed sampleData.json
var sampleJSON []byte

// Defaults returns the app's default navigation.
func Defaults() Nav {
	var n Nav
	if err := json.Unmarshal(sampleJSON, &n); err != nil {
		panic("branding: embedded sampleData.json is invalid: " + err.Error())
	}
	return n
}
