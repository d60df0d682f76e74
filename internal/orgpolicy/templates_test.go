package orgpolicy_test

// The ADMX/ADML templates in installer/policies are what administrators
// deploy; nothing at run time reads them, so only this test notices when
// they and the reader drift apart (a renamed value, a new policy, a changed
// bound, a rebranded companyName).

import (
	"encoding/json"
	"encoding/xml"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/settings"
)

const (
	admxPath = "../../installer/policies/LicenseServerManager.admx"
	admlPath = "../../installer/policies/en-US/LicenseServerManager.adml"
)

// How the template writes a policy's value.
const (
	kindFlag      = "flag" // enabledValue/disabledValue on the policy: REG_DWORD 1 or 0
	kindDecimal   = "decimal"
	kindMultiText = "multiText"
	kindText      = "text"
)

// policies is every policy the package reads, how its template writes it,
// and, for text, a value of that shape the reader must take. It must hold
// each Name* constant (TestTemplateTableHasEveryName) and equal the ADMX.
var policies = []struct {
	name   string
	kind   string
	sample []string
}{
	{orgpolicy.NameDisableRememberPassword, kindFlag, nil},
	{orgpolicy.NameAllowedServers, kindMultiText, []string{"lls01.corp.example", "*.lab.corp.example:7070", "[fd00::1]:7070"}},
	{orgpolicy.NameLockedProfiles, kindFlag, nil},
	{orgpolicy.NameDisableHistoryCollection, kindFlag, nil},
	{orgpolicy.NameHistoryRetentionDays, kindDecimal, nil},
	{orgpolicy.NameDisableModelUpload, kindFlag, nil},
	{orgpolicy.NameDisablePropertiesEdit, kindFlag, nil},
	{orgpolicy.NameProxyServer, kindText, []string{"proxy.corp.example:8080"}},
}

type admxFile struct {
	Revision      string `xml:"revision,attr"`
	SchemaVersion string `xml:"schemaVersion,attr"`
	Target        struct {
		Prefix    string `xml:"prefix,attr"`
		Namespace string `xml:"namespace,attr"`
	} `xml:"policyNamespaces>target"`
	Using []struct {
		Prefix string `xml:"prefix,attr"`
	} `xml:"policyNamespaces>using"`
	Resources struct {
		MinRequiredRevision string `xml:"minRequiredRevision,attr"`
	} `xml:"resources"`
	SupportedOn []struct {
		Name string `xml:"name,attr"`
	} `xml:"supportedOn>definitions>definition"`
	Categories []struct {
		Name string `xml:"name,attr"`
	} `xml:"categories>category"`
	Policies []admxPolicy `xml:"policies>policy"`
}

type admxPolicy struct {
	Name           string `xml:"name,attr"`
	Class          string `xml:"class,attr"`
	Presentation   string `xml:"presentation,attr"`
	Key            string `xml:"key,attr"`
	ValueName      string `xml:"valueName,attr"`
	ParentCategory struct {
		Ref string `xml:"ref,attr"`
	} `xml:"parentCategory"`
	SupportedOn struct {
		Ref string `xml:"ref,attr"`
	} `xml:"supportedOn"`
	EnabledValue  *admxValue `xml:"enabledValue"`
	DisabledValue *admxValue `xml:"disabledValue"`
	ElementList   struct {
		Items []admxElement `xml:",any"`
	} `xml:"elements"`
}

// Elements are the policy's value elements; XMLName.Local is their kind.
func (p admxPolicy) Elements() []admxElement { return p.ElementList.Items }

type admxElement struct {
	XMLName     xml.Name
	ID          string `xml:"id,attr"`
	Key         string `xml:"key,attr"`
	ValueName   string `xml:"valueName,attr"`
	MinValue    string `xml:"minValue,attr"`
	MaxValue    string `xml:"maxValue,attr"`
	StoreAsText string `xml:"storeAsText,attr"`
	Expandable  string `xml:"expandable,attr"`
}

type admxValue struct {
	Decimal *struct {
		Value string `xml:"value,attr"`
	} `xml:"decimal"`
}

type admlFile struct {
	Revision string `xml:"revision,attr"`
	Strings  []struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"resources>stringTable>string"`
	Presentations []struct {
		ID       string `xml:"id,attr"`
		Controls []struct {
			XMLName      xml.Name
			RefID        string `xml:"refId,attr"`
			DefaultValue string `xml:"defaultValue,attr"`
		} `xml:",any"`
	} `xml:"resources>presentationTable>presentation"`
}

func readXML(t *testing.T, path string, v any) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

func templates(t *testing.T) (admxFile, []byte, admlFile) {
	t.Helper()
	var x admxFile
	raw := readXML(t, admxPath, &x)
	var l admlFile
	readXML(t, admlPath, &l)
	if len(x.Policies) == 0 {
		t.Fatalf("%s holds no policies", admxPath)
	}
	return x, raw, l
}

// wantKey is the key orgpolicy.Machine reads for the company the build
// stamps in, so the templates must follow a rebranded wails.json.
func wantKey(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Info struct {
			CompanyName string `json:"companyName"`
		} `json:"info"`
	}
	if err := json.Unmarshal(data, &w); err != nil || w.Info.CompanyName == "" {
		t.Fatalf("wails.json: no info.companyName (%v)", err)
	}
	return `Software\Policies\` + w.Info.CompanyName + `\LicenseServerManager`
}

// valueNames maps each registry value the ADMX writes to its policy and
// element kind (kindFlag for the policy's own valueName).
func valueNames(t *testing.T, x admxFile) (names []string, kind map[string]string, of map[string]admxPolicy) {
	t.Helper()
	kind, of = map[string]string{}, map[string]admxPolicy{}
	add := func(p admxPolicy, name, k string) {
		if _, dup := kind[name]; dup {
			t.Errorf("value %s is written by two policies", name)
		}
		names, kind[name], of[name] = append(names, name), k, p
	}
	for _, p := range x.Policies {
		if p.ValueName != "" {
			add(p, p.ValueName, kindFlag)
		}
		for _, e := range p.Elements() {
			add(p, e.ValueName, e.XMLName.Local)
		}
	}
	return names, kind, of
}

func TestTemplateTableHasEveryName(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var defined []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if !strings.HasPrefix(id.Name, "Name") || i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						defined = append(defined, v)
					}
				}
			}
		}
	}
	var listed []string
	for _, p := range policies {
		listed = append(listed, p.name)
	}
	slices.Sort(defined)
	slices.Sort(listed)
	if len(defined) == 0 || !slices.Equal(defined, listed) {
		t.Errorf("the package defines the policy names %v; this test's table lists %v", defined, listed)
	}
}

func TestTemplatePoliciesMatchTheReader(t *testing.T) {
	x, _, _ := templates(t)
	names, kind, of := valueNames(t, x)

	var want []string
	for _, p := range policies {
		want = append(want, p.name)
	}
	if !slices.Equal(names, want) {
		// The order is InForce's, so lsm policies lists them as the editor does.
		t.Fatalf("the ADMX writes the values %v; orgpolicy reads %v (in this order)", names, want)
	}

	first := map[string]orgpolicy.Value{}
	for _, tt := range policies {
		t.Run(tt.name, func(t *testing.T) {
			if got := kind[tt.name]; got != tt.kind {
				t.Fatalf("the ADMX writes %s as %q, want %q", tt.name, got, tt.kind)
			}
			p := of[tt.name]
			// Each value gets its own policy, named as the value, so that
			// an administrator finds in the editor what lsm policies prints.
			if p.Name != tt.name {
				t.Errorf("policy %q writes %s; name it %s", p.Name, tt.name, tt.name)
			}
			var on, off []orgpolicy.Value
			switch tt.kind {
			case kindFlag:
				for _, c := range []struct {
					what string
					v    *admxValue
					want uint64
					dst  *[]orgpolicy.Value
				}{{"enabledValue", p.EnabledValue, 1, &on}, {"disabledValue", p.DisabledValue, 0, &off}} {
					if c.v == nil || c.v.Decimal == nil {
						t.Errorf("%s: no <%s><decimal/>", p.Name, c.what)
						continue
					}
					n, err := strconv.ParseUint(c.v.Decimal.Value, 10, 32)
					if err != nil || n != c.want {
						t.Errorf("%s: %s is %q, want decimal %d", p.Name, c.what, c.v.Decimal.Value, c.want)
					}
					*c.dst = append(*c.dst, orgpolicy.Value{IsNumber: true, Number: n})
				}
			case kindDecimal:
				e := p.Elements()[0]
				if e.StoreAsText == "true" {
					t.Errorf("%s: storeAsText writes REG_SZ; the reader's DWORD is expected", e.ID)
				}
				lo, err1 := strconv.Atoi(e.MinValue)
				hi, err2 := strconv.Atoi(e.MaxValue)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: minValue %q and maxValue %q must both be given", e.ID, e.MinValue, e.MaxValue)
				}
				for _, n := range []int{lo, hi} {
					on = append(on, orgpolicy.Value{IsNumber: true, Number: uint64(n)})
				}
			case kindMultiText:
				on = append(on, orgpolicy.Value{Text: tt.sample})
			case kindText:
				if e := p.Elements()[0]; e.Expandable == "true" {
					t.Errorf("%s: expandable writes REG_EXPAND_SZ, which the reader does not expand", e.ID)
				}
				on = append(on, orgpolicy.Value{Text: tt.sample[:1]})
			}
			for _, v := range on {
				got := orgpolicy.Load(orgpolicy.Source{Where: "HKLM", Values: map[string]orgpolicy.Value{tt.name: v}})
				if len(got.Problems) > 0 || !slices.ContainsFunc(got.InForce(), func(s orgpolicy.Setting) bool { return s.Name == tt.name }) {
					t.Errorf("Load does not put %+v in force: %+v", v, got)
				}
			}
			for _, v := range off {
				got := orgpolicy.Load(orgpolicy.Source{Where: "HKLM", Values: map[string]orgpolicy.Value{tt.name: v}})
				if len(got.Problems) > 0 || got.Any() {
					t.Errorf("Disabled (%+v) is not off: %+v", v, got)
				}
			}
			if len(on) > 0 {
				first[tt.name] = on[0]
			}
		})
	}

	var inForce []string
	for _, s := range orgpolicy.Load(orgpolicy.Source{Where: "HKLM", Values: first}).InForce() {
		inForce = append(inForce, s.Name)
	}
	if !slices.Equal(inForce, want) {
		t.Errorf("lsm policies lists %v, the templates %v", inForce, want)
	}
}

func TestTemplateStructure(t *testing.T) {
	x, _, l := templates(t)
	key := wantKey(t)

	if x.SchemaVersion != "1.0" || x.Revision == "" || x.Target.Prefix == "" || x.Target.Namespace == "" {
		t.Errorf("ADMX header: schemaVersion %q revision %q target %q %q", x.SchemaVersion, x.Revision, x.Target.Prefix, x.Target.Namespace)
	}
	if !revisionAtLeast(l.Revision, x.Resources.MinRequiredRevision) {
		// The editor refuses an ADML older than the ADMX asks for.
		t.Errorf("ADML revision %q is below the ADMX's minRequiredRevision %q", l.Revision, x.Resources.MinRequiredRevision)
	}
	if len(x.Categories) != 1 {
		t.Errorf("%d categories, want one", len(x.Categories))
	}
	supported := map[string]bool{}
	for _, d := range x.SupportedOn {
		supported[d.Name] = true
	}
	prefixes := map[string]bool{}
	for _, u := range x.Using {
		prefixes[u.Prefix] = true
	}
	categories := map[string]bool{}
	for _, c := range x.Categories {
		categories[c.Name] = true
	}

	for _, p := range x.Policies {
		t.Run(p.Name, func(t *testing.T) {
			if p.Class != "Both" {
				t.Errorf("class %q: the reader takes HKLM and HKCU, so Both", p.Class)
			}
			if p.Key != key {
				t.Errorf("key %q, want %q", p.Key, key)
			}
			for _, e := range p.Elements() {
				if e.Key != "" && e.Key != key {
					t.Errorf("element %s: key %q, want %q", e.ID, e.Key, key)
				}
			}
			if !categories[p.ParentCategory.Ref] {
				t.Errorf("parentCategory %q is not a category of the file", p.ParentCategory.Ref)
			}
			ref := p.SupportedOn.Ref
			if prefix, _, ok := strings.Cut(ref, ":"); ok && !prefixes[prefix] || !ok && !supported[ref] {
				t.Errorf("supportedOn %q is neither defined here nor in a namespace the file uses", ref)
			}
			if (p.ValueName != "") == (len(p.Elements()) > 0) {
				t.Errorf("a policy writes its valueName or its elements, not both or neither")
			}
			if (p.Presentation != "") != (len(p.Elements()) > 0) {
				t.Errorf("presentation %q for %d elements: a policy with elements needs one, and only such a policy", p.Presentation, len(p.Elements()))
			}
		})
	}
}

func TestTemplateResourcesExist(t *testing.T) {
	x, raw, l := templates(t)
	stringsOf := map[string]string{}
	for _, s := range l.Strings {
		if _, dup := stringsOf[s.ID]; dup {
			t.Errorf("ADML: string %s twice", s.ID)
		}
		stringsOf[s.ID] = s.Text
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\$\(string\.([^)]*)\)`).FindAllStringSubmatch(string(raw), -1) {
		used[m[1]] = true
		if strings.TrimSpace(stringsOf[m[1]]) == "" {
			t.Errorf("$(string.%s) has no text in the ADML", m[1])
		}
	}
	for id := range stringsOf {
		if !used[id] {
			t.Errorf("ADML string %s is used by no policy", id)
		}
	}

	elementIDs := map[string][]string{}
	for _, p := range x.Policies {
		if p.Presentation == "" {
			continue
		}
		m := regexp.MustCompile(`^\$\(presentation\.([^)]*)\)$`).FindStringSubmatch(p.Presentation)
		if m == nil {
			t.Errorf("%s: presentation %q is not $(presentation.ID)", p.Name, p.Presentation)
			continue
		}
		for _, e := range p.Elements() {
			elementIDs[m[1]] = append(elementIDs[m[1]], e.ID)
		}
	}
	seen := map[string]bool{}
	for _, pr := range l.Presentations {
		t.Run(pr.ID, func(t *testing.T) {
			if seen[pr.ID] {
				t.Errorf("presentation %s twice", pr.ID)
			}
			seen[pr.ID] = true
			want, ok := elementIDs[pr.ID]
			if !ok {
				t.Fatalf("presentation %s is used by no policy", pr.ID)
			}
			var got []string
			for _, c := range pr.Controls {
				if c.XMLName.Local != "text" {
					got = append(got, c.RefID)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("the controls refer to %v; the policy's elements are %v", got, want)
			}
		})
	}
	for id := range elementIDs {
		if !seen[id] {
			t.Errorf("$(presentation.%s) is not in the ADML", id)
		}
	}
}

// TestTemplateRetentionBounds keeps the editor from offering a retention
// the history store would change behind the administrator's back.
func TestTemplateRetentionBounds(t *testing.T) {
	x, _, l := templates(t)
	_, _, of := valueNames(t, x)
	p, ok := of[orgpolicy.NameHistoryRetentionDays]
	if !ok || len(p.Elements()) != 1 {
		t.Fatalf("no %s element", orgpolicy.NameHistoryRetentionDays)
	}
	e := p.Elements()[0]
	for _, b := range []struct {
		what, got string
		want      int
	}{
		{"minValue", e.MinValue, settings.MinRetentionDays},
		{"maxValue", e.MaxValue, settings.MaxRetentionDays},
	} {
		if b.got != strconv.Itoa(b.want) {
			t.Errorf("%s %s is %q, the history store's is %d", e.ID, b.what, b.got, b.want)
		}
	}
	for _, pr := range l.Presentations {
		for _, c := range pr.Controls {
			if c.RefID == e.ID && c.DefaultValue != "" && c.DefaultValue != strconv.Itoa(settings.DefaultRetentionDays) {
				t.Errorf("the editor proposes %s days; the app's default is %d", c.DefaultValue, settings.DefaultRetentionDays)
			}
		}
	}
}

// revisionAtLeast compares ADMX "major.minor" revisions.
func revisionAtLeast(have, need string) bool {
	parse := func(s string) (int, int, bool) {
		a, b, ok := strings.Cut(s, ".")
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		return x, y, ok && err1 == nil && err2 == nil
	}
	h1, h2, ok1 := parse(have)
	n1, n2, ok2 := parse(need)
	return ok1 && ok2 && (h1 > n1 || h1 == n1 && h2 >= n2)
}
