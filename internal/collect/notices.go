package collect

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"licenseservermanager/internal/usage"
)

// Notice is one OS notification.
type Notice struct {
	Title, Message string
}

// MaxNotices is how many of a profile's alerts a round notifies one by one:
// more are summed up in one notice, so that the first sample of a large
// server does not raise a notification per feature.
const MaxNotices = 3

// ruleNames names the rules in a summary, in the order they are listed at
// equal counts.
var ruleNames = []struct {
	rule      usage.RuleKind
	one, many string
}{
	{usage.RuleFull, "feature with every seat in use", "features with every seat in use"},
	{usage.RuleBusy, "feature near capacity", "features near capacity"},
	{usage.RuleOverdraft, "feature in overdraft", "features in overdraft"},
	{usage.RuleExpiry, "expiry", "expiries"},
	{usage.RuleUnreachable, "server unreachable", "server unreachable"},
}

// Notices are the OS notifications of a round: the alerts each profile's
// sample opened, titled with the profile's name.
func Notices(results []Result) []Notice {
	var out []Notice
	for _, r := range results {
		if len(r.Opened) <= MaxNotices {
			for _, a := range r.Opened {
				out = append(out, Notice{Title: r.ProfileName, Message: a.Message})
			}
			continue
		}
		counts := map[usage.RuleKind]int{}
		for _, a := range r.Opened {
			counts[a.Rule]++
		}
		type part struct {
			n    int
			at   int
			text string
		}
		var parts []part
		for i, rn := range ruleNames {
			if n := counts[rn.rule]; n > 0 {
				name := rn.many
				if n == 1 {
					name = rn.one
				}
				parts = append(parts, part{n, i, fmt.Sprintf("%d %s", n, name)})
			}
		}
		slices.SortFunc(parts, func(a, b part) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.at, b.at)) })
		texts := make([]string, len(parts))
		for i, p := range parts {
			texts[i] = p.text
		}
		out = append(out, Notice{Title: r.ProfileName,
			Message: fmt.Sprintf("%d new alerts: %s. The bell in License Server Manager lists them.", len(r.Opened), strings.Join(texts, ", "))})
	}
	return out
}
