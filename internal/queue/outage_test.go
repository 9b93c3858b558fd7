package queue

import (
	"testing"
	"time"

	"sitrep/internal/pgtest"
)

func TestPostgresBrieflyUnreachable(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and crashes a PostgreSQL server of its own")
	}
	const docs = 60
	pg := pgtest.Own(t)
	dsn, err := pg.CreateDB("outage")
	if err != nil {
		t.Fatal(err)
	}
	st := openDSN(t, dsn)
	n := startNATS(t)
	c := dial(t, n)
	var workers []*Worker
	var stops []func() error
	for range 2 {
		w := NewWorker(dial(t, n), storeProcess(st), WorkerOptions{Workers: 2, MaxDeliver: 1000,
			Backoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond})
		workers, stops = append(workers, w), append(stops, runWorker(w))
	}
	publishN(t, c, 0, docs/4)
	waitFor(t, "some documents stored", func() bool { return counts(t, st).Documents > 0 })
	if err := pg.Crash(); err != nil {
		t.Fatal(err)
	}
	publishN(t, c, docs/4, docs)
	waitFor(t, "workers retrying", func() bool { return workers[0].Stats().Retried+workers[1].Stats().Retried > 0 })
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "every document stored", func() bool {
		got, err := st.Counts(t.Context())
		return err == nil && got.Documents == docs && drained(t, c)
	})
	for i, stop := range stops {
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		if s := workers[i].Stats(); s.Dead != 0 {
			t.Errorf("worker %d sent %d documents to the dead letters during a short outage", i, s.Dead)
		}
	}
	wantStored(t, st, docs)
}
