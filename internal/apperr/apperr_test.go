package apperr

import (
	"errors"
	"fmt"
	"testing"
)

func TestFromKeepsTypedErrorsAndClassifiesOthers(t *testing.T) {
	typed := New(Timeout, "server did not answer in %ds", 5)
	wrapped := fmt.Errorf("fetching: %w", typed)
	plain := errors.New("disk full")
	tests := []struct {
		name string
		err  error
		code Code
		msg  string
	}{
		{"typed", typed, Timeout, "server did not answer in 5s"},
		{"wrapped typed", wrapped, Timeout, "server did not answer in 5s"},
		{"plain", plain, Internal, "disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := From(tt.err)
			if got.Code != tt.code || got.Message != tt.msg {
				t.Fatalf("From() = %q/%q, want %q/%q", got.Code, got.Message, tt.code, tt.msg)
			}
		})
	}
	if From(nil) != nil || CodeOf(nil) != "" {
		t.Fatal("nil must stay nil")
	}
	if !errors.Is(From(plain), plain) {
		t.Fatal("cause must stay reachable through errors.Is")
	}
}

func TestInvalidUsesTheOnlyProblemsMessage(t *testing.T) {
	one := Invalid(FieldProblem("port", ItemFormat, "Port must be between 1 and 65535."))
	if one.Message != "Port must be between 1 and 65535." || one.Code != InvalidInput || one.Items[0].Field != "port" {
		t.Fatalf("got %+v", one)
	}
	two := Invalid(FieldProblem("port", ItemFormat, "a"), Item{Item: "3", Field: "host", Code: ItemRequired, Message: "b"})
	if two.Message != "Please correct the highlighted fields." || len(ItemsOf(two)) != 2 || ItemsOf(two)[1].Item != "3" {
		t.Fatalf("got %+v", two)
	}
	if ItemsOf(nil) != nil || ItemsOf(errors.New("plain")) != nil {
		t.Fatal("errors without problems have no items")
	}
}
