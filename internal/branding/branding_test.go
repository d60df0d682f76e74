package branding

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSampleShippedToProducersIsTheEmbeddedDefaults(t *testing.T) {
	shipped, err := os.ReadFile("../../branding/" + SampleFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shipped, sampleJSON) {
		t.Fatalf("branding/%s differs from internal/branding/%s; copy the latter over the former", SampleFile, SampleFile)
	}
	if _, unlisted, problems := ParseNav(sampleJSON, Defaults()); len(problems) > 0 || unlisted != nil {
		t.Fatalf("the sample is not a complete, valid data.json: unlisted %v, problems %v", unlisted, problems)
	}
}

// edited returns the sample with edit applied to its decoded form.
func edited(t *testing.T, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(sampleJSON, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func item(m map[string]any, i int) map[string]any { return m["items"].([]any)[i].(map[string]any) }

func TestParseNavAcceptsChangedLabelsAndIcons(t *testing.T) {
	data := edited(t, func(m map[string]any) {
		item(m, 3)["label"] = "Passwort zurücksetzen"
		item(m, 3)["icon"] = "PermDataSetting"
		m["groups"].([]any)[0].(map[string]any)["label"] = "Configuration"
	})
	nav, _, problems := ParseNav(data, Defaults())
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := Item{ID: "resetPassword", Group: "serverSetup", Label: "Passwort zurücksetzen", Icon: "PermDataSetting", Route: "/reset-password"}
	if nav.Items[3] != want || nav.Groups[0].Label != "Configuration" || len(nav.Items) != len(Defaults().Items) {
		t.Fatalf("nav = %+v", nav)
	}
}

func TestParseNavRejects(t *testing.T) {
	n := len(Defaults().Items)
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"invalid JSON", []byte("{\n  \"groups\": [,\n"), []string{"data.json: line 2, column 14: invalid JSON: invalid character ',' looking for beginning of value"}},
		{"truncated JSON", []byte(`{"groups": [`), []string{"data.json: line 1, column 12: invalid JSON: the file ends before the JSON is complete"}},
		{"trailing text", append(append([]byte{}, sampleJSON...), "x"...), []string{"unexpected text after the JSON object"}},
		{"not an object", []byte(`[]`), []string{`data.json: (top level): must be an object with "groups", "items"`}},
		{"changed route", edited(t, func(m map[string]any) { item(m, 3)["route"] = "/reset" }), []string{`data.json: items[3].route: only "label" and "icon" may be changed (the app's value is "/reset-password")`}},
		{"unknown id", edited(t, func(m map[string]any) { item(m, 0)["id"] = "prefs" }), []string{`data.json: items[0].id: the app has no item "prefs"; the items are "settings", "about", "login"`}},
		{"id not a string", edited(t, func(m map[string]any) { item(m, 0)["id"] = 3 }), []string{`items[0].id: missing or not a string; every item is named by the id it has in sampleData.json`}},
		{"changed group", edited(t, func(m map[string]any) { item(m, 1)["group"] = "features" }), []string{`items[1].group: only "label" and "icon" may be changed`}},
		{"unknown group id", edited(t, func(m map[string]any) { m["groups"].([]any)[2].(map[string]any)["id"] = "x" }), []string{`groups[2].id: the app has no group "x"`}},
		{"unknown item field", edited(t, func(m map[string]any) { item(m, 2)["hidden"] = true }), []string{`data.json: items[2].hidden: unknown field; only "label" and "icon" may be changed`}},
		{"unknown top-level field", edited(t, func(m map[string]any) { m["logo"] = "x.png" }), []string{`data.json: logo: unknown field; the fields are "groups", "items"`}},
		{"item listed twice", edited(t, func(m map[string]any) { m["items"] = append(m["items"].([]any), item(m, 1)) }), []string{fmt.Sprintf(`items[%d].id: %q is listed twice, first at items[1]`, n, Defaults().Items[1].ID)}},
		{"item not an object", edited(t, func(m map[string]any) { m["items"].([]any)[2] = "about" }), []string{`data.json: items[2]: must be an object`}},
		{"missing label", edited(t, func(m map[string]any) { delete(item(m, 4), "label") }), []string{`data.json: items[4].label: missing`}},
		{"empty label", edited(t, func(m map[string]any) { item(m, 4)["label"] = " " }), []string{`items[4].label: must not be empty`}},
		{"label not a string", edited(t, func(m map[string]any) { item(m, 4)["label"] = 7 }), []string{`items[4].label: must be a string`}},
		{"icon with suffix", edited(t, func(m map[string]any) { item(m, 5)["icon"] = "perm-data" }), []string{`items[5].icon: "perm-data" is not a Material UI icon name`}},
		{"items not an array", edited(t, func(m map[string]any) { m["items"] = map[string]any{} }), []string{`data.json: items: must be an array`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nav, unlisted, problems := ParseNav(tt.data, Defaults())
			if len(nav.Items) > 0 || unlisted != nil {
				t.Errorf("a rejected file gave nav %+v, unlisted %v", nav, unlisted)
			}
			if len(problems) != len(tt.want) {
				t.Fatalf("problems = %v, want %d", problems, len(tt.want))
			}
			for i, p := range problems {
				if !strings.Contains(p.Error(), tt.want[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, p.Error(), tt.want[i])
				}
			}
		})
	}
}

// An earlier release's data.json lacks the groups and items added since, and
// may list the rest in another order: it still applies, in the app's order.
func TestParseNavTakesEntriesAnOlderFileLacksFromTheDefaults(t *testing.T) {
	defaults := Defaults()
	older := edited(t, func(m map[string]any) {
		groups := m["groups"].([]any)
		m["groups"] = groups[1:]
		items := m["items"].([]any)
		var kept []any
		for _, raw := range items {
			if raw.(map[string]any)["group"] != defaults.Groups[0].ID {
				kept = append(kept, raw)
			}
		}
		kept[0], kept[1] = kept[1], kept[0]
		kept[0].(map[string]any)["label"] = "Renamed"
		m["items"] = kept
	})
	nav, unlisted, problems := ParseNav(older, defaults)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	var want []string
	want = append(want, defaults.Groups[0].ID)
	for _, it := range defaults.Items {
		if it.Group == defaults.Groups[0].ID {
			want = append(want, it.ID)
		}
	}
	if len(want) < 2 || fmt.Sprint(unlisted) != fmt.Sprint(want) {
		t.Fatalf("unlisted = %v, want %v (the first group and its items)", unlisted, want)
	}
	if len(nav.Items) != len(defaults.Items) || len(nav.Groups) != len(defaults.Groups) {
		t.Fatalf("nav has %d groups and %d items, want every default", len(nav.Groups), len(nav.Items))
	}
	for i, it := range nav.Items {
		d := defaults.Items[i]
		if it.ID != d.ID || it.Route != d.Route || it.Group != d.Group {
			t.Fatalf("item %d = %+v, want the app's order and routes (%+v)", i, it, d)
		}
	}
	renamed := 0
	for _, it := range nav.Items {
		if it.Label == "Renamed" {
			renamed++
		}
	}
	if renamed != 1 {
		t.Fatalf("%d items carry the file's label, want 1", renamed)
	}
}

func encode(t *testing.T, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := enc(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngBytes(t *testing.T) []byte {
	return encode(t, func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) })
}

func jpegBytes(t *testing.T) []byte {
	return encode(t, func(b *bytes.Buffer, i image.Image) error { return jpeg.Encode(b, i, nil) })
}

func folder(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadNoFolderMeansDefaults(t *testing.T) {
	b, problems := Load(filepath.Join(t.TempDir(), "branding"), Defaults())
	if b.LogoDataURL != "" || b.Nav != nil || b.Unlisted != nil || problems != nil {
		t.Fatalf("b = %+v, problems = %v", b, problems)
	}
	b, problems = Load(folder(t, map[string][]byte{SampleFile: sampleJSON, "README.txt": []byte("hi")}), Defaults())
	if b.LogoDataURL != "" || b.Nav != nil || b.Unlisted != nil || problems != nil {
		t.Fatalf("sample only: b = %+v, problems = %v", b, problems)
	}
}

func TestLoadAppliesLogoAndData(t *testing.T) {
	data := edited(t, func(m map[string]any) { item(m, 0)["label"] = "Preferences" })
	b, problems := Load(folder(t, map[string][]byte{"logo.jpeg": jpegBytes(t), DataFile: data}), Defaults())
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if !strings.HasPrefix(b.LogoDataURL, "data:image/jpeg;base64,/9j/") {
		t.Fatalf("logo = %.40s", b.LogoDataURL)
	}
	if b.Nav == nil || b.Nav.Items[0].Label != "Preferences" {
		t.Fatalf("nav = %+v", b.Nav)
	}
	b, _ = Load(folder(t, map[string][]byte{"logo.png": pngBytes(t)}), Defaults())
	if !strings.HasPrefix(b.LogoDataURL, "data:image/png;base64,iVBOR") || b.Nav != nil {
		t.Fatalf("png: %+v", b)
	}
}

func TestLoadRejectsDataJSONAsAWhole(t *testing.T) {
	data := edited(t, func(m map[string]any) {
		item(m, 0)["label"] = "Preferences"
		item(m, 3)["route"] = "/x"
	})
	b, problems := Load(folder(t, map[string][]byte{DataFile: data, "Data.JSON": data}), Defaults())
	if b.Nav != nil {
		t.Fatalf("a partly valid file was applied: %+v", b.Nav)
	}
	got := []string{}
	for _, p := range problems {
		got = append(got, p.Error())
	}
	want := []string{
		"Data.JSON: not used: the navigation file must be named data.json",
		`data.json: items[3].route: only "label" and "icon" may be changed (the app's value is "/reset-password")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadRefusesBadLogos(t *testing.T) {
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, image.NewPaletted(image.Rect(0, 0, 2, 2), []color.Color{color.Black}), nil); err != nil {
		t.Fatal(err)
	}
	png := pngBytes(t)
	tests := []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"other type", map[string][]byte{"logo.gif": gifData.Bytes()}, "logo.gif: not used: the logo must be named logo.png, logo.jpg or logo.jpeg"},
		{"other name", map[string][]byte{"Logo.bmp": {1, 2}}, "Logo.bmp: not used: the logo must be named"},
		{"image under another name", map[string][]byte{"acme.png": png}, "acme.png: not used:"},
		{"renamed image", map[string][]byte{"logo.png": jpegBytes(t)}, "logo.png: holds a jpeg image, not a PNG"},
		{"unreadable", map[string][]byte{"logo.jpg": []byte("not an image")}, "logo.jpg: not a readable JPEG image"},
		{"truncated", map[string][]byte{"logo.png": png[:len(png)-20]}, "logo.png: not a readable PNG image"},
		{"too big", map[string][]byte{"logo.png": append(append([]byte{}, png...), make([]byte, MaxLogoBytes)...)}, "logo.png: larger than 2 MB"},
		{"two logos", map[string][]byte{"logo.png": png, "logo.jpg": jpegBytes(t)}, "logo.jpg, logo.png: more than one logo; keep only one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, problems := Load(folder(t, tt.files), Defaults())
			if b.LogoDataURL != "" {
				t.Fatalf("logo applied")
			}
			if len(problems) != 1 || !strings.HasPrefix(problems[0].Error(), tt.want) {
				t.Fatalf("problems = %v, want %q", problems, tt.want)
			}
		})
	}
}

func TestLoadReportsAFileInPlaceOfTheFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "branding")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, problems := Load(path, Defaults()); len(problems) != 1 || !strings.Contains(problems[0].Message, "cannot read the branding folder") {
		t.Fatalf("problems = %v", problems)
	}
}
