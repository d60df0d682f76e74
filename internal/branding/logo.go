package branding

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
)

// MaxLogoBytes bounds the logo file: it is sent to the UI as a data URL.
const MaxLogoBytes = 2 << 20

// maxLogoPixels bounds the decoded image, since a small compressed file can
// still decode into gigabytes.
const maxLogoPixels = 4096 * 4096

// logoFormats are the names the guide allows, with the format each must hold.
var logoFormats = map[string]logoFormat{
	"logo.png":  {mime: "image/png", kind: "PNG", decode: png.Decode, config: png.DecodeConfig},
	"logo.jpg":  {mime: "image/jpeg", kind: "JPEG", decode: jpeg.Decode, config: jpeg.DecodeConfig},
	"logo.jpeg": {mime: "image/jpeg", kind: "JPEG", decode: jpeg.Decode, config: jpeg.DecodeConfig},
}

type logoFormat struct {
	mime, kind string
	decode     func(r io.Reader) (image.Image, error)
	config     func(r io.Reader) (image.Config, error)
}

var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".ico", ".tif", ".tiff"}

const logoNamesText = "the logo must be named logo.png, logo.jpg or logo.jpeg"

// loadLogo finds the one logo of the folder and returns it as a data URL.
// Files that look meant as a logo but are misnamed are reported, so a
// producer does not ship the default logo by mistake.
func loadLogo(dir string, entries []fs.DirEntry) (string, []Problem) {
	var problems []Problem
	var found []string
	for _, e := range entries {
		name := e.Name()
		if _, ok := logoFormats[name]; ok {
			if e.IsDir() {
				problems = append(problems, Problem{File: name, Message: "is a folder, not an image"})
				continue
			}
			found = append(found, name)
			continue
		}
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "logo") || slices.Contains(imageExts, filepath.Ext(lower)) {
			problems = append(problems, Problem{File: name, Message: "not used: " + logoNamesText})
		}
	}
	switch len(found) {
	case 0:
		return "", problems
	case 1:
	default:
		return "", append(problems, Problem{File: strings.Join(found, ", "), Message: "more than one logo; keep only one"})
	}
	name := found[0]
	url, err := readLogo(filepath.Join(dir, name), logoFormats[name])
	if err != nil {
		return "", append(problems, Problem{File: name, Message: err.Error()})
	}
	return url, problems
}

func readLogo(path string, f logoFormat) (string, error) {
	data, err := readLimited(path, MaxLogoBytes)
	if err != nil {
		return "", err
	}
	cfg, err := f.config(bytes.NewReader(data))
	if err != nil {
		return "", notAnImage(data, f)
	}
	if cfg.Width*cfg.Height > maxLogoPixels {
		return "", fmt.Errorf("%d × %d pixels is too large; use at most 4096 × 4096", cfg.Width, cfg.Height)
	}
	if _, err := f.decode(bytes.NewReader(data)); err != nil {
		return "", fmt.Errorf("not a readable %s image: %v", f.kind, err)
	}
	return "data:" + f.mime + ";base64," + base64.StdEncoding.EncodeToString(data), nil
}

// notAnImage says what the file is instead, which is usually a renamed
// image of another type.
func notAnImage(data []byte, f logoFormat) error {
	sniffed := http.DetectContentType(data)
	if strings.HasPrefix(sniffed, "image/") {
		return fmt.Errorf("holds a %s image, not a %s; save it as %s or name it to match", strings.TrimPrefix(sniffed, "image/"), f.kind, f.kind)
	}
	return fmt.Errorf("not a readable %s image", f.kind)
}
