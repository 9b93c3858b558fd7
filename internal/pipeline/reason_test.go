package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"testing"

	"sitrep/internal/document"
	"sitrep/internal/fetch"
)

type namedErr struct{}

func (namedErr) Error() string  { return "not a feed" }
func (namedErr) Reason() string { return "malformed feed" }

func TestReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{fmt.Errorf("fetch x: %w", &fetch.StatusError{Code: 404, URL: "x"}), "http 404"},
		{fmt.Errorf("fetch x: %w", fetch.ErrPrivateAddress), "private address refused"},
		{fmt.Errorf("page: %w", document.ErrTooLarge), "too large"},
		{fmt.Errorf("poll: %w", context.DeadlineExceeded), "timeout"},
		{fmt.Errorf("poll: %w", namedErr{}), "malformed feed"},
		{fmt.Errorf("%w: %w", ErrStore, errors.New("disk full")), "store"},
		{&net.DNSError{Err: "no such host", Name: "x.invalid"}, "dns"},
		{fmt.Errorf("open input: %w", fs.ErrNotExist), "no such file"},
		{errors.New("something else"), "other"},
	}
	for _, tt := range tests {
		if got := Reason(tt.err); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestReasonsByCount(t *testing.T) {
	s := Stats{Reasons: map[string]int64{"http 404": 2, "timeout": 5, "empty": 2}}
	got := fmt.Sprint(s.ReasonsByCount())
	if got != "[timeout empty http 404]" {
		t.Errorf("ReasonsByCount = %s", got)
	}
}
