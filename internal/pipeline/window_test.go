package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"sitrep/internal/document"
)

func TestWindowClaims(t *testing.T) {
	ctx := context.Background()
	const fp, near, far = 0xF0F0_F0F0_F0F0_F0F0, 0xF0F0_F0F0_F0F0_F0F7, 0x0F0F_0F0F_0F0F_0F0F
	w := newWindow(2)
	a, err := w.claim(ctx, fp, nil)
	if err != nil || a.own == nil || a.of != "" {
		t.Fatalf("first claim %+v, %v", a, err)
	}
	got := make(chan claim)
	go func() {
		c, _ := w.claim(ctx, near, nil)
		got <- c
	}()
	select {
	case c := <-got:
		t.Fatalf("a copy did not wait for its pending original: %+v", c)
	case <-time.After(20 * time.Millisecond):
	}
	w.settle(a, Outcome{DocumentID: "doc-a"}, nil)
	if c := <-got; c.of != "doc-a" || c.own != nil {
		t.Errorf("copy claim %+v, want a link to doc-a", c)
	}
	if c, _ := w.claim(ctx, 0, nil); c.of != "" || c.own != nil {
		t.Errorf("zero fingerprint claimed %+v", c)
	}
	b, _ := w.claim(ctx, far, nil)
	w.settle(b, Outcome{}, errors.New("store down"))
	c, _ := w.claim(ctx, far, nil)
	if c.own == nil {
		t.Errorf("a failed document's fingerprint still matched: %+v", c)
	}
	w.settle(c, Outcome{DocumentID: "doc-c"}, nil)
	d, _ := w.claim(ctx, near, nil) // the ring holds 2: doc-a is gone after b and c
	if d.own == nil {
		t.Errorf("evicted fingerprint still matched: %+v", d)
	}
}

func TestWindowClaimCancelled(t *testing.T) {
	w := newWindow(4)
	if _, err := w.claim(context.Background(), 42, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := w.claim(ctx, 43, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("claim on a pending entry with a done context: %v", err)
	}
}

func TestWindowLinksCopiesOfCopiesToTheOriginal(t *testing.T) {
	w := newWindow(8)
	w.add(0xFF, "copy", "original")
	if c, _ := w.claim(context.Background(), 0xFE, nil); c.of != "original" {
		t.Errorf("claim %+v, want a link to the original", c)
	}
}

// TestWindowFindMatchesLinearScan checks find, which scans the fingerprint array, against a plain walk over the
// entries from the newest, as the ring fills, wraps and has entries die.
func TestWindowFindMatchesLinearScan(t *testing.T) {
	walk := func(w *window, fp uint64) *entry {
		n := len(w.ring)
		for i := 1; i <= n; i++ {
			e := w.ring[(w.next-i+n)%n]
			if e == nil {
				return nil
			}
			if !e.dead && document.NearDuplicate(fp, e.fp) {
				return e
			}
		}
		return nil
	}
	r := rand.New(rand.NewPCG(1, 2))
	fps := []uint64{0xF0F0_F0F0_F0F0_F0F0, 0x0F0F_0F0F_0F0F_0F0F, 0x1234_5678_9ABC_DEF0}
	near := func() uint64 { return fps[r.IntN(len(fps))] ^ 1<<r.IntN(64) }
	for _, size := range []int{1, 3, 7} {
		w := newWindow(size)
		for i := range 200 {
			e := &entry{fp: near(), id: fmt.Sprint(i), dead: r.IntN(4) == 0, ready: make(chan struct{})}
			w.put(e)
			probe := near()
			if got, want := w.find(probe), walk(w, probe); got != want {
				t.Fatalf("size %d, after %d entries: find %+v, walk %+v", size, i+1, got, want)
			}
		}
	}
}
