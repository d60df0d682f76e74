package collect

import (
	"slices"
	"testing"

	"licenseservermanager/internal/history"
	"licenseservermanager/internal/usage"
)

func opened(rules ...usage.RuleKind) []history.Alert {
	out := make([]history.Alert, len(rules))
	for i, r := range rules {
		out[i] = history.Alert{Rule: r, Message: string(r) + " alert"}
	}
	return out
}

func TestNotices(t *testing.T) {
	tests := []struct {
		name    string
		results []Result
		want    []Notice
	}{
		{"nothing opened", []Result{{ProfileName: "Prod"}}, nil},
		{"a few alerts one by one", []Result{{ProfileName: "Prod", Opened: opened(usage.RuleFull, usage.RuleBusy, usage.RuleExpiry)}},
			[]Notice{{"Prod", "full alert"}, {"Prod", "busy alert"}, {"Prod", "expiry alert"}}},
		{"more are summed up, the most first, in rule order at equal counts",
			[]Result{{ProfileName: "Large", Opened: opened(usage.RuleExpiry, usage.RuleExpiry, usage.RuleBusy, usage.RuleFull, usage.RuleExpiry)}},
			[]Notice{{"Large", "5 new alerts: 3 expiries, 1 feature with every seat in use, 1 feature near capacity. The bell in License Server Manager lists them."}}},
		{"each profile on its own", []Result{
			{ProfileName: "Large", Opened: opened(usage.RuleBusy, usage.RuleBusy, usage.RuleBusy, usage.RuleBusy)},
			{ProfileName: "Lab", Opened: opened(usage.RuleUnreachable)},
		}, []Notice{{"Large", "4 new alerts: 4 features near capacity. The bell in License Server Manager lists them."}, {"Lab", "unreachable alert"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Notices(tt.results); !slices.Equal(got, tt.want) {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
