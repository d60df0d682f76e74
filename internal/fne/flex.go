package fne

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// FlexInt is an integer that servers sometimes send as a JSON string
// ("featureCount": "100"). Decoding it must stay cheap: a feature list can
// hold 100,000 records with a dozen counts each.
type FlexInt int64

// UnmarshalJSON accepts 12, "12", 12.0, "" and null (the last two as 0).
func (n *FlexInt) UnmarshalJSON(b []byte) error {
	v, err := parseFlexInt(b)
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// parseFlexInt reads one JSON value as UnmarshalJSON is given it (a string
// with its quotes, escapes left as they are). The feature-list decoder calls
// it too, so both paths read a count the same way.
func parseFlexInt(b []byte) (FlexInt, error) {
	if len(b) > 0 && b[0] == '"' {
		b = b[1 : len(b)-1]
	}
	if len(b) == 0 || string(b) == "null" {
		return 0, nil
	}
	if v, ok := parseDigits(b); ok {
		return FlexInt(v), nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("not a number: %.40q", b)
	}
	// A count beyond int64 (1e30) stays at the largest one rather than
	// wrapping round to a negative count.
	switch {
	case f >= math.MaxInt64:
		return math.MaxInt64, nil
	case f <= math.MinInt64:
		return math.MinInt64, nil
	}
	return FlexInt(f), nil
}

// parseDigits is the fast path for a plain optionally-signed decimal integer.
func parseDigits(b []byte) (int64, bool) {
	neg := false
	if b[0] == '-' {
		neg, b = true, b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// FlexString is a string that servers sometimes send as a bare number
// ("requested": 60 instead of "60").
type FlexString string

// UnmarshalJSON accepts a JSON string, number, boolean or null.
func (s *FlexString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var v string
		if bytes.IndexByte(b, '\\') < 0 {
			v = string(b[1 : len(b)-1])
		} else if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = FlexString(v)
		return nil
	}
	if string(b) == "null" {
		*s = ""
		return nil
	}
	*s = FlexString(b)
	return nil
}
