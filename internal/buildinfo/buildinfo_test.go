package buildinfo

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		json      string
		ldVersion string
		want      Info
		wantErr   bool
	}{
		{
			name: "info block",
			json: `{"name":"x","info":{"companyName":"Acme","productName":"Acme LSM","productVersion":"2.1.0","copyright":"(c) Acme"}}`,
			want: Info{ProductName: "Acme LSM", CompanyName: "Acme", Copyright: "(c) Acme", Version: "2.1.0"},
		},
		{
			name:      "ldflags version wins",
			json:      `{"info":{"productName":"P","productVersion":"1.0.0"}}`,
			ldVersion: "1.0.1-rc1",
			want:      Info{ProductName: "P", Version: "1.0.1-rc1"},
		},
		{
			name: "falls back to name and dev version",
			json: `{"name":"lsm"}`,
			want: Info{ProductName: "lsm", Version: "0.0.0-dev"},
		},
		{name: "bad json", json: `{`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := Version
			Version = tt.ldVersion
			defer func() { Version = old }()
			got, err := Parse([]byte(tt.json))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if tt.wantErr {
				return
			}
			if got.ProductName != tt.want.ProductName || got.CompanyName != tt.want.CompanyName ||
				got.Copyright != tt.want.Copyright || got.Version != tt.want.Version {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			if got.GoVersion == "" || got.OS == "" || got.Arch == "" {
				t.Fatalf("runtime fields missing: %+v", got)
			}
		})
	}
}
