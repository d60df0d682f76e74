package app

import "licenseservermanager/internal/operations"

var csvFilter = FileFilter{"CSV files (*.csv)", "*.csv"}

// saveCSV asks where to save a rendered list and writes it there; it
// returns the file written, or "" when the user cancelled.
func saveCSV(f files, defaultName string, table operations.CSV, err error) (string, error) {
	if err != nil {
		return "", err
	}
	path, err := f.save("Export to CSV", defaultName, ".csv", csvFilter)
	if err != nil || path == "" {
		return "", err
	}
	if err := operations.WriteFileWith(path, table.Write); err != nil {
		return "", err
	}
	return path, nil
}
