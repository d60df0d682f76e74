package simulator

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestLegacyJSONQuotesEveryNumberAndIndents(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"id":12,"featureCount":5,"name":"F","on":true,"none":null}`, `{"id":"12","featureCount":"5","name":"F","on":true,"none":null}`},
		{`[{"a":-3,"b":1.5e-7,"c":[1,2]},{}]`, `[{"a":"-3","b":"1.5e-7","c":["1","2"]},{}]`},
		// Digits inside strings, escaped quotes and empty compounds stay.
		{`{"s":"12 \"3\" \\","e":[],"o":{}}`, `{"s":"12 \"3\" \\","e":[],"o":{}}`},
		{`[]`, `[]`},
	}
	for _, tt := range tests {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(tt.want), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := legacyJSON([]byte(tt.in)); string(got) != want.String() {
			t.Errorf("%s:\n%s\nwant\n%s", tt.in, got, want.String())
		}
	}
}

// TestDialectsShapeTheirBodies holds what a client meets on each dialect:
// the number spelling, the layout, the product columns and which
// endpoints exist.
func TestDialectsShapeTheirBodies(t *testing.T) {
	products := []string{"startDate", "vendorString", "productName", "productVersion", "activationId", "entitlementId"}
	tests := []struct {
		dialect     Dialect
		base        string
		strings     bool // numbers sent as strings, the body indented
		productCols bool
		summaries   int // the status of each endpoint
		ping        int
		legacy      int
	}{
		{DialectCurrent, "/api/1.0/instances/~", false, true, 404, 404, 200},
		{DialectLegacy, "/api/1.0/instances/~", true, false, 404, 404, 200},
		{DialectCLS, "/api/1.0/instances/ABCDEF123456", false, true, 200, 200, 404},
	}
	for _, tt := range tests {
		t.Run(string(tt.dialect), func(t *testing.T) {
			s := New(Options{Security: SecurityOff, Dialect: tt.dialect, InstanceID: "ABCDEF123456", Now: fixedClock})
			rec := get(t, s, tt.base+"/features")
			body := rec.Body.Bytes()
			if indented := bytes.HasPrefix(body, []byte("[\n  {")); indented != tt.strings {
				t.Fatalf("indented %v: %.40q", indented, body)
			}
			var records []map[string]any
			if err := json.Unmarshal(body, &records); err != nil {
				t.Fatal(err)
			}
			for _, f := range records {
				if _, isString := f["featureCount"].(string); isString != tt.strings {
					t.Fatalf("featureCount %#v", f["featureCount"])
				}
				if _, isString := f["id"].(string); isString != tt.strings {
					t.Fatalf("id %#v", f["id"])
				}
				for _, p := range products {
					if _, has := f[p]; has && !tt.productCols {
						t.Fatalf("a %s record has %s", tt.dialect, p)
					}
				}
			}
			if _, has := records[0]["productName"]; has != tt.productCols {
				t.Fatalf("product columns %v: %v", has, records[0])
			}
			for path, want := range map[string]int{
				tt.base + "/features/summaries": tt.summaries,
				"/api/1.0/instances/ping":       tt.ping,
				"/api/1.0/clients":              tt.legacy,
				tt.base:                         200,
				tt.base + "/":                   200,
			} {
				if got := get(t, s, path).Code; got != want {
					t.Errorf("%s: %d, want %d", path, got, want)
				}
			}
			var inst wireInstance
			if err := json.Unmarshal(get(t, s, tt.base).Body.Bytes(), &inst); err != nil || inst.ID != "ABCDEF123456" || inst.HostName == "" || inst.Version != s.opts.Version {
				t.Fatalf("instance %+v %v", inst, err)
			}
		})
	}
}

// TestErrorBodiesCarryAKey holds the refusals of every dialect to the body
// of real servers, {key, message, arguments}.
func TestErrorBodiesCarryAKey(t *testing.T) {
	for _, d := range Dialects {
		t.Run(string(d), func(t *testing.T) {
			s := New(Options{Security: SecurityOn, Dialect: d, InstanceID: "ABCDEF123456"})
			base := "/api/1.0/instances/ABCDEF123456"
			_, refused := login(t, s, AdminUser, "wrong")
			reader, _ := login(t, s, ReaderUser, ReaderPassword)
			tests := []struct {
				name      string
				status    int
				body      []byte
				key       string
				arguments []string
			}{
				{"failed login", 401, refused.Body.Bytes(), "glsErr.userAuthFailed", []string{base + "/authorize", AdminUser}},
				{"no token", 401, call(s, "GET", base+"/features", "").Body.Bytes(), "glsErr.authenticationRequired", []string{}},
				{"missing role", 403, call(s, "POST", base+"/sync", reader).Body.Bytes(), "glsErr.accessDenied", []string{ReaderUser, roleAdmin}},
				{"no such record", 404, call(s, "GET", base+"/features/999999", reader).Body.Bytes(), "glsErr.notFound", []string{"999999"}},
				{"no such endpoint", 404, call(s, "GET", base+"/nothing", reader).Body.Bytes(), "glsErr.notFound", []string{}},
				{"unknown instance", 404, call(s, "GET", "/api/1.0/instances/ZZZZZZZZZZZZ/features", reader).Body.Bytes(), "glsErr.instanceNotFound", []string{"ZZZZZZZZZZZZ"}},
			}
			for _, tt := range tests {
				var body map[string]any
				if err := json.Unmarshal(tt.body, &body); err != nil {
					t.Fatalf("%s: %v", tt.name, err)
				}
				args, _ := json.Marshal(body["arguments"])
				wantArgs, _ := json.Marshal(tt.arguments)
				if len(body) != 3 || body["key"] != tt.key || body["message"] == "" || string(args) != string(wantArgs) {
					t.Errorf("%s: %s", tt.name, tt.body)
				}
			}
		})
	}
}

// TestTheAccountsOfEachDialect: the producer's account, no ROLE_OFFLINE on
// a legacy server (whose offline operations need ROLE_ADMIN), and an
// xsrfToken claim that is a fresh random UUID.
func TestTheAccountsOfEachDialect(t *testing.T) {
	uuidV4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	for _, d := range Dialects {
		t.Run(string(d), func(t *testing.T) {
			s := New(Options{Security: SecurityOn, Dialect: d, InstanceID: "ABCDEF123456"})
			base := "/api/1.0/instances/ABCDEF123456"
			admin, _ := login(t, s, AdminUser, AdminPassword)
			producer, rec := login(t, s, ProducerUser, ProducerPassword)
			if rec.Code != 200 {
				t.Fatalf("producer login: %d %s", rec.Code, rec.Body)
			}
			wantAdmin := "ROLE_ADMIN,ROLE_DROPCLIENT,ROLE_READ,ROLE_RESERVATIONS,ROLE_OFFLINE"
			if d == DialectLegacy {
				wantAdmin = "ROLE_ADMIN,ROLE_DROPCLIENT,ROLE_READ,ROLE_RESERVATIONS"
			}
			seen := map[string]bool{}
			for _, tt := range []struct{ token, roles string }{{admin, wantAdmin}, {producer, "ROLE_PRODUCER,ROLE_READ"}} {
				c, refused := s.verifyToken(tt.token)
				if refused != nil || c.Roles != tt.roles || !uuidV4.MatchString(c.XSRFToken) || seen[c.XSRFToken] {
					t.Fatalf("claims %+v", c)
				}
				seen[c.XSRFToken] = true
			}
			if rec := call(s, "GET", base+"/capability_request", admin); rec.Code != 200 {
				t.Fatalf("admin's offline request: %d %s", rec.Code, rec.Body)
			}
			if rec := call(s, "GET", base+"/features", producer); rec.Code != 200 {
				t.Fatalf("the producer reads: %d", rec.Code)
			}
			if rec := call(s, "POST", base+"/sync", producer); rec.Code != 403 {
				t.Fatalf("the producer syncs: %d", rec.Code)
			}
		})
	}
}

func TestDialectOptions(t *testing.T) {
	if d := New(Options{CLS: true}).Dialect(); d != DialectCLS {
		t.Fatalf("--cls is dialect %s", d)
	}
	if s := New(Options{Dialect: DialectCLS}); !s.opts.CLS || get(t, s, "/api/1.0/instances/~/health").Code != 404 {
		t.Fatal("dialect cls does not behave as a CLS")
	}
	if s := New(Options{}); s.Dialect() != DialectCurrent || s.opts.Version != "2025.10.0" {
		t.Fatalf("default %s %s", s.Dialect(), s.opts.Version)
	}
	if s := New(Options{Dialect: DialectLegacy}); s.opts.Version != legacyVersion || s.productFields {
		t.Fatalf("legacy %s %v", s.opts.Version, s.productFields)
	}
	for _, o := range []Options{{Dialect: "2018"}, {Dialect: DialectLegacy, CLS: true}} {
		if _, err := Listen("127.0.0.1:0", o, false); err == nil || !strings.Contains(err.Error(), "dialect") {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
