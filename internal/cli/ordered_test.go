package cli

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestOrderedMapKeepsOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 7} {
		i := 0
		next := func() (int, bool, error) {
			if i == 100 {
				return 0, false, nil
			}
			i++
			return i, true, nil
		}
		var got []int
		err := orderedMap(context.Background(), workers, next,
			func(_ context.Context, n int) (int, error) { return n * n, nil },
			func(in, out int, err error) error {
				if err != nil || out != in*in {
					return fmt.Errorf("item %d: out %d err %v", in, out, err)
				}
				got = append(got, in)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range got {
			if v != k+1 {
				t.Fatalf("workers %d: item %d out of order: %v", workers, k, got[:k+1])
			}
		}
		if len(got) != 100 {
			t.Fatalf("workers %d: got %d items, want 100", workers, len(got))
		}
	}
}

func TestOrderedMapErrors(t *testing.T) {
	boom := errors.New("boom")
	n := 0
	next := func() (int, bool, error) {
		n++
		if n == 5 {
			return 0, false, boom
		}
		return n, true, nil
	}
	var itemErrs int
	err := orderedMap(context.Background(), 2, next,
		func(_ context.Context, v int) (int, error) {
			if v == 2 {
				return 0, errors.New("bad item")
			}
			return v, nil
		},
		func(_, _ int, err error) error {
			if err != nil {
				itemErrs++
			}
			return nil
		})
	if !errors.Is(err, boom) {
		t.Fatalf("reader error lost: %v", err)
	}
	if itemErrs != 1 {
		t.Fatalf("item errors passed to emit: %d, want 1", itemErrs)
	}

	stop := errors.New("stop")
	m := 0
	err = orderedMap(context.Background(), 2, func() (int, bool, error) { m++; return m, true, nil },
		func(_ context.Context, v int) (int, error) { return v, nil },
		func(in, _ int, _ error) error {
			if in == 10 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) {
		t.Fatalf("emit error lost on an endless stream: %v", err)
	}
}
