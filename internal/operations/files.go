package operations

import (
	"io"
	"os"
	"path/filepath"

	"licenseservermanager/internal/apperr"
)

// ReadFile reads a file the user chose, refusing folders, empty files and
// files above limit bytes with a message that names the file.
func ReadFile(path string, limit int) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.InvalidInput, "Cannot read %s: %v", path, err)
	}
	switch {
	case st.IsDir():
		return nil, apperr.New(apperr.InvalidInput, "%s is a folder, not a file.", path)
	case st.Size() == 0:
		return nil, apperr.New(apperr.InvalidInput, "%s is empty.", filepath.Base(path))
	case st.Size() > int64(limit):
		return nil, apperr.New(apperr.InvalidInput, "%s is %d KB, more than the %d KB a file of this kind can be.", filepath.Base(path), st.Size()>>10, limit>>10)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.InvalidInput, "Cannot read %s: %v", path, err)
	}
	return data, nil
}

// WriteFile writes data to a file the user chose.
func WriteFile(path string, data []byte) error {
	return WriteFileWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFileWith writes a file the user chose through write.
func WriteFileWith(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	return nil
}
