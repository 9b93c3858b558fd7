package cli

import (
	"context"
	"sync"
)

// orderedMap runs fn over the items next yields with up to workers goroutines and hands the results to emit
// in input order. At most 2*workers items are in flight, so a stream of any length runs in bounded memory.
// It stops at the first error from next or emit; errors from fn are passed to emit with their item.
func orderedMap[In, Out any](ctx context.Context, workers int, next func() (In, bool, error),
	fn func(context.Context, In) (Out, error), emit func(In, Out, error) error) error {
	if workers < 1 {
		workers = 1
	}
	type slot struct {
		in   In
		out  Out
		err  error
		done chan struct{}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan *slot, 2*workers)
	jobs := make(chan *slot)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				s.out, s.err = fn(ctx, s.in)
				close(s.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(queue)
		defer close(jobs)
		for {
			in, ok, err := next()
			if err != nil || !ok {
				readErr <- err
				return
			}
			s := &slot{in: in, done: make(chan struct{})}
			select {
			case queue <- s:
			case <-ctx.Done():
				readErr <- ctx.Err()
				return
			}
			select {
			case jobs <- s:
			case <-ctx.Done():
				close(s.done)
				readErr <- ctx.Err()
				return
			}
		}
	}()
	var emitErr error
	for s := range queue {
		<-s.done
		if emitErr == nil {
			if emitErr = emit(s.in, s.out, s.err); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	return <-readErr
}
