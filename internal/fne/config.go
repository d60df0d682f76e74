package fne

import "context"

// Setting is one policy setting of the server.
type Setting struct {
	Name        string     `json:"name"`
	Value       FlexString `json:"value"`
	Description string     `json:"description"`
	Group       string     `json:"group"`
	Editable    bool       `json:"editable"`
}

// Configuration lists the policy settings.
func (c *Client) Configuration(ctx context.Context) ([]Setting, error) {
	var out []Setting
	err := c.getJSON(ctx, call{op: OpConfiguration}, &out)
	return out, err
}

// UpdateConfiguration sends the changed settings only, name to value.
// Durations take s/m/h/d/w suffixes and lists are written "[a,b]".
func (c *Client) UpdateConfiguration(ctx context.Context, changed map[string]string) error {
	return c.sendJSON(ctx, call{op: OpUpdateConfiguration, audit: &audited{summary: settingsSummary(changed)}}, changed, nil)
}
