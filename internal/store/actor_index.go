package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"sitrep/internal/event"
)

// SQLite's index of the actor filter (migration 0016): actor_names holds the distinct pieces of the incidents'
// actors columns (the lower-case names between the column's '|'s, see actorNames), incident_actor_names links
// each to the incidents whose column holds it. The write path keeps them, without triggers: a row it inserts
// links all its names, a row whose actors change links the names it gains. A name an incident loses (a split)
// keeps its link, harmlessly: the index selects a superset of the incidents that match, and the listing still
// tests the column. Incident rows are never deleted. PostgreSQL has a pg_trgm index of the column instead
// (postgresDialect.actorMatches), and none of this.

// Statements of the actor index's write path.
const (
	findActorNameQuery   = `SELECT id FROM actor_names WHERE name = ?`
	insertActorNameQuery = `INSERT INTO actor_names (name) VALUES (?)`
	linkActorNameQuery   = `INSERT OR IGNORE INTO incident_actor_names (name_id, rid) VALUES (?, ?)`
)

// keepsActorNames reports whether the store has the actor index: SQLite.
func (s *sqlStore) keepsActorNames() bool {
	_, ok := s.d.(sqliteDialect)
	return ok
}

// actorIndexQueries are the actor index's statements, for the statement cache: the lookup and the writes
// (none where the store does not keep the index).
func (s *sqlStore) actorIndexQueries() (find string, writes []string) {
	if !s.keepsActorNames() {
		return "", nil
	}
	return findActorNameQuery, []string{insertActorNameQuery, linkActorNameQuery}
}

// actorsColumn is the actors column of an incident with actors as.
func actorsColumn(as []event.Actor) string { return clean(actorNames(as)) }

// indexActors links incident rid to each name of its actors column actors that its column before did not
// hold ("" for a new row): names already there were linked when the column gained them (or by the migration's
// backfill). Nothing is done when the column is unchanged, as after most merges.
func (s *sqlStore) indexActors(ctx context.Context, tx *txn, rid int64, before, actors string) error {
	if actors == before || !s.keepsActorNames() {
		return nil
	}
	for name := range strings.SplitSeq(actors, "|") {
		if name == "" || hasActorName(before, name) {
			continue
		}
		id, err := s.actorNameID(ctx, tx, name)
		if err != nil {
			return fmt.Errorf("index actor %q: %w", name, err)
		}
		if _, err := s.execTx(ctx, tx, linkActorNameQuery, id, rid); err != nil {
			return fmt.Errorf("index actor %q: %w", name, err)
		}
	}
	return nil
}

// hasActorName reports whether the actors column col holds name (a piece without '|') as one of its names.
func hasActorName(col, name string) bool {
	for n := range strings.SplitSeq(col, "|") {
		if n == name {
			return true
		}
	}
	return false
}

// actorNameID is the id of name in actor_names, added if it is not there: from the transaction's own lookups,
// else the store's cache of committed names, else the table.
func (s *sqlStore) actorNameID(ctx context.Context, tx *txn, name string) (int64, error) {
	if id, ok := tx.actorIDs[name]; ok {
		return id, nil
	}
	if id, ok := s.actorIDs.get(name); ok {
		return id, nil
	}
	var id int64
	err := s.queryRowTx(ctx, tx, findActorNameQuery, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		var res sql.Result
		if res, err = s.execTx(ctx, tx, insertActorNameQuery, name); err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, err
	}
	if tx.actorIDs == nil {
		tx.actorIDs = map[string]int64{}
	}
	tx.actorIDs[name] = id
	return id, nil
}

// actorIDCache holds the ids of actor names in actor_names, at most actorIDCacheMax of them, so that the write
// path reads a name's id once per process instead of once per incident. It takes only ids a transaction read
// or added once that transaction has committed: a name added by one that rolls back leaves no row, and its id
// goes to the next name added. Names are never deleted, so a committed id stays right, whoever else writes.
type actorIDCache struct {
	mu sync.RWMutex
	m  map[string]int64
}

const actorIDCacheMax = 1 << 16

// get is name's id, if cached.
func (c *actorIDCache) get(name string) (int64, bool) {
	if c == nil {
		return 0, false
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	id, ok := c.m[name]
	return id, ok
}

// commit caches the ids tx looked up or added, once it has committed.
func (c *actorIDCache) commit(tx *txn) {
	if c == nil || len(tx.actorIDs) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]int64{}
	}
	for name, id := range tx.actorIDs {
		if len(c.m) >= actorIDCacheMax {
			break
		}
		c.m[name] = id
	}
	tx.actorIDs = nil
}

// actorIndexMatches is SQLite's actorMatches: the incidents linked to the names that contain a. A substring
// that holds '|' spans names, which the index does not serve, and "" is in every column.
func actorIndexMatches(a string) (residualIndex, bool) {
	if a == "" || strings.Contains(a, "|") {
		return residualIndex{}, false
	}
	union := `SELECT rid FROM incident_actor_names WHERE name_id IN (SELECT id FROM actor_names WHERE instr(name, ?) > 0)`
	return residualIndex{cond: `rid IN (` + union + `)`, args: []any{a}, union: union}, true
}
