// Package csvexport writes table rows as CSV that opens safely in a
// spreadsheet: RFC 4180 quoting, a UTF-8 byte order mark so Excel reads
// accents right, and cells that a spreadsheet would run as a formula
// neutralised.
package csvexport

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// Write writes the header and rows.
func Write(w io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	cell := make([]string, 0, len(header))
	for _, r := range rows {
		cell = cell[:0]
		for _, c := range r {
			cell = append(cell, Neutralise(c))
		}
		if err := cw.Write(cell); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Neutralise prefixes a cell that starts like a formula (= + - @, or a tab
// or carriage return that some spreadsheets skip) with an apostrophe, so it
// shows as text. Plain numbers such as -5 stay numbers.
func Neutralise(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
