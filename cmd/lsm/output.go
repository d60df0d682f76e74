package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"licenseservermanager/internal/operations"
)

// Output formats of --output.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// printer writes results to stdout: a table sized to the terminal for
// people, JSON (the operations layer's field names) or CSV (the app's
// export, safe to open in a spreadsheet) for scripts.
type printer struct {
	format string
	w      io.Writer
	width  int
	// notes is where what the output leaves out is said (stderr).
	notes io.Writer
}

func (l *lsm) printer() (printer, error) {
	switch l.output {
	case formatTable, formatJSON, formatCSV:
		return printer{format: l.output, w: l.stdout, width: l.width, notes: l.stderr}, nil
	}
	return printer{}, usageError("Unknown output format %q: use table, json or csv.", l.output)
}

// list prints rows: table and CSV from the app's export of them, JSON as
// the records themselves.
func (p printer) list(table operations.CSV, records any) error {
	switch p.format {
	case formatJSON:
		return p.json(records)
	case formatCSV:
		return table.Write(p.w)
	}
	return p.table(table.Header, table.Rows)
}

// record prints one record: its fields as "name  value" lines, as two CSV
// columns, or the record as JSON.
func (p printer) record(fields [][2]string, record any) error {
	switch p.format {
	case formatJSON:
		return p.json(record)
	case formatCSV:
		rows := make([][]string, len(fields))
		for i, f := range fields {
			rows[i] = []string{f[0], f[1]}
		}
		return operations.CSV{Header: []string{"Field", "Value"}, Rows: rows}.Write(p.w)
	}
	width := 0
	for _, f := range fields {
		width = max(width, utf8.RuneCountInString(f[0]))
	}
	for _, f := range fields {
		if _, err := fmt.Fprintf(p.w, "%-*s  %s\n", width, f[0], f[1]); err != nil {
			return err
		}
	}
	return nil
}

func (p printer) json(v any) error {
	enc := json.NewEncoder(p.w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// minColumn is the narrowest a column is cut to, so that its values stay
// recognisable.
const minColumn = 8

// table writes aligned columns. On a terminal too narrow for them, the
// widest columns are cut (with "…") until the table fits, and the last
// ones left out when cutting is not enough, which a note says.
func (p printer) table(header []string, rows [][]string) error {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	shown := fitTo(widths, p.width)
	if shown < len(header) {
		fmt.Fprintf(p.notes, "lsm: %d columns do not fit the terminal (%s): widen it, or use -o csv or -o json.\n",
			len(header)-shown, strings.Join(header[shown:], ", "))
		header, widths = header[:shown], widths[:shown]
		cutRows := make([][]string, len(rows))
		for i, r := range rows {
			cutRows[i] = r[:shown]
		}
		rows = cutRows
	}
	var b strings.Builder
	line := func(cells []string) {
		b.Reset()
		for i, c := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			c = cut(c, widths[i])
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)))
		}
		line := strings.TrimRight(b.String(), " ")
		b.Reset()
		b.WriteString(line)
		b.WriteByte('\n')
	}
	line(header)
	if _, err := io.WriteString(p.w, b.String()); err != nil {
		return err
	}
	for _, r := range rows {
		line(r)
		if _, err := io.WriteString(p.w, b.String()); err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		_, err := io.WriteString(p.w, "(none)\n")
		return err
	}
	return nil
}

// fitTo narrows the widest columns until the columns and the gaps between
// them fit in total (no limit when total is 0), and returns how many of
// them fit once none can be narrowed further: at least one.
func fitTo(widths []int, total int) int {
	if total <= 0 {
		return len(widths)
	}
	sum := func(ws []int) int {
		n := 2 * (len(ws) - 1)
		for _, w := range ws {
			n += w
		}
		return n
	}
	for sum(widths) > total {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		if widths[widest] <= minColumn {
			break
		}
		widths[widest] = max(minColumn, widths[widest]-(sum(widths)-total))
	}
	shown := len(widths)
	for shown > 1 && sum(widths[:shown]) > total {
		shown--
	}
	return shown
}

// cut shortens s to n characters, ending in "…" when it was longer.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
