package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// Merge candidates are read through the incidents_cand_geo and incidents_cand_country indexes (migration 0006):
// a report looks at the incidents of a few geographic keys, one date-interval class at a time, whose start falls
// in its date window widened by the class's longest interval. The work per report depends on how many incidents
// lie near it in space and time, not on the size of the record. The indexes also hold date_end and
// sub_event_type (migration 0010), the query's other tests, and what else tells whether an incident may take
// the report (migration 0018): actor1_key (incident.Actor1Key) and, in incidents_cand_geo, the point. The query
// brings only these index columns (readCandidates tests them), and the rows, with their bodies, are then read
// one by one of the incidents that pass (candidateRows): each is a random page of the table and a descent of
// its b-tree, where most of the entries in the index range are incidents Merger.Score would veto. On the
// 1,000-document bench corpus into a store of a million incidents, 3,026 rows are read instead of 6,735.
// readCandidates also bounds Merger.Score from the index columns (incident.ScoreBound: the sub-types, the date
// intervals, actor1_key, and the report's own precisions) and leaves out the incidents it could not accept: a
// report of a country takes every incident of its country as a candidate, most of which score below the
// Merger's minimum (a weak match of places by country alone). On the same corpus, 2,208 rows instead of 2,962.

// cellDegrees is the side of the geographic cells of geo_key (the migration's "/ 2").
const cellDegrees = 2

// dateClassDays are the longest date intervals of date_class 0, 1 and 2 (class 3 is unbounded).
var dateClassDays = [...]int{8, 40, 400}

// candidateKeySizes are the numbers of geo keys the candidate queries take, so few statement texts are cached:
// a report's keys are padded to the next size with NULL (noKey), which no incident's key equals. Up to
// maxArmKeys keys, each key has an arm of its own per date class (an IN list would make SQLite build a temporary
// table of the keys, for each date class, at every query); beyond, the keys are an IN list.
var candidateKeySizes = []int{3, 5, 7, 9, 13, 17, 32, 64}

// maxArmKeys is the most keys a candidate query reads with an arm for each.
const maxArmKeys = 17

// noKey is the padding key. NULL rather than a string no incident has (as "" was): SQLite tests an index key
// for NULL before it seeks (an IsNull on the CAST parameter, which may be NULL), so a padding arm reads no page
// of the index, where an arm of "" sought down the index for nothing, once per date class. With the default
// Merger options a box spans 2 or 3 cells a side, so a report has 5, 7 or 10 keys (the last padded to 13):
// on the 5,000-document bench corpus the padding was 1% of the candidate queries' seeks.
var noKey any = nil

// maxCandidates bounds the index entries one candidate query reads (its LIMIT); the actor1, box and score bound
// tests (readCandidates) run in Go on the entries within it. The SQL sub-type test drops entries before the
// bound, and since a report with no identified actor1 leaves out the pairs that need one, a query that busy can
// see candidates an older sitrep cut off: the merge may then differ, for the better, only past this bound.
const maxCandidates = 5000

// candidateQueryTexts holds candidateQuery's texts, built once.
var candidateQueryTexts = sync.Map{}

// subTypeParams is the number of sub-type parameters of a candidate query that selects by sub-type: the report's
// sub-type and those compatible with it (incident.MergeableSubTypes), padded with the report's own.
var subTypeParams = 1 + incident.MaxMergeableSubTypes()

// candidateQuery is d's query for the incidents with one of n geo keys (byCountry false) or in one country
// (byCountry true, n = 1). Its numbered parameters are the n keys, then the lowest start of each date class,
// the highest start and the lowest end, then, when bySubType, subTypeParams sub-types (see candidates): the query
// then reads only the incidents of one of them or of no sub-type, so that it leaves the bodies of the others,
// which could not take the report (incident.MergeableSubTypesFor), unread.
//
// On SQLite each arm names its index (INDEXED BY): the planner weighs the indexes by the statistics of the
// last ANALYZE (OpenSQLite's PRAGMA optimize), and those of a store opened with a few incidents (three in one
// country: each key and country then seems to hold most of the table) made it scan the whole table in every
// arm, for every report, all through an ingest or a serve that then grew the store to thousands of incidents
// (300 documents into a store of three incidents cost 1.7 times the CPU of the same into a new store, and the
// scans grow with the table). The candidate index is the right plan at every size.
func candidateQuery(d dialect, n int, byCountry, bySubType bool) string {
	type key struct {
		n                    int
		byCountry, bySubType bool
		hint                 string
	}
	index := `incidents_cand_geo`
	if byCountry {
		index = `incidents_cand_country`
	}
	hint := d.indexedBy(index)
	if q, ok := candidateQueryTexts.Load(key{n, byCountry, bySubType, hint}); ok {
		return q.(string)
	}
	classes := len(dateClassDays) + 1
	// Each parameter is read through a CAST, which SQLite's planner does not look into: on a bare parameter that
	// bounds an index range it would estimate the range from the bound value and the sqlite_stat4 samples, and
	// so mark the statement to be planned again whenever that parameter is bound to a new value, that is at
	// every candidate query. Planning this UNION of up to 68 arms cost more than running it (22% of the CPU of
	// ingesting 1000 documents into an analysed store of 1M incidents); the plan is the same for every value.
	param := func(i int) string { return "CAST($" + strconv.Itoa(i) + " AS TEXT)" }
	hi, lowEnd := param(n+classes+1), param(n+classes+2)
	subCond := ""
	if bySubType {
		// Equalities rather than an IN list, for which SQLite would build a temporary table in each arm; on an
		// expression no index serves, else the planner could read the arm through a sub-type index. SQLite's is
		// +sub_event_type, which it reads as the column itself: sub_event_type || '' (PostgreSQL's, which has no
		// unary + on text) made SQLite build a new string for each comparison, up to six for each index entry
		// in the arm's date range (a sixth of the CPU of the candidate queries of the 1,000-document bench
		// corpus into a store of a million incidents).
		col := `sub_event_type || ''`
		if hint != "" {
			col = `+sub_event_type`
		}
		subs := []string{col + ` = ''`}
		for k := range subTypeParams {
			subs = append(subs, col+` = `+param(n+classes+3+k))
		}
		subCond = ` AND (` + strings.Join(subs, " OR ") + `)`
	}
	var conds []string
	switch {
	case byCountry:
		conds = []string{`country = ` + param(1)}
	case n <= maxArmKeys:
		for k := range n {
			conds = append(conds, `geo_key = `+param(k+1))
		}
	default:
		keys := make([]string, n)
		for k := range keys {
			keys[k] = param(k + 1)
		}
		conds = []string{`geo_key IN (` + strings.Join(keys, ", ") + `)`}
	}
	cols := candidateGeoColumns
	if byCountry {
		cols = candidateCountryColumns
	}
	arms := make([]string, 0, len(conds)*classes)
	for _, cond := range conds {
		for class := range classes {
			arms = append(arms, `SELECT `+cols+` FROM incidents`+hint+` WHERE `+cond+` AND date_class = `+
				strconv.Itoa(class)+` AND date_start BETWEEN `+param(n+class+1)+` AND `+hi+` AND date_end >= `+lowEnd+subCond)
		}
	}
	q := strings.Join(arms, "\nUNION ALL\n") + ` LIMIT ` + strconv.Itoa(maxCandidates)
	candidateQueryTexts.Store(key{n, byCountry, bySubType, hint}, q)
	return q
}

// candidateGeoColumns and candidateCountryColumns are the columns a candidate query brings, all held by its
// index (migration 0018), so that it reads no incident row: the rid, and what tells whether the incident may
// take the report (readCandidates): its sub-type, its actor1_key, its dates and, of a placed incident, its point.
const (
	candidateGeoColumns     = `rid, sub_event_type, actor1_key, date_start, date_end, geo_key, lat, lon`
	candidateCountryColumns = `rid, sub_event_type, actor1_key, date_start, date_end`
)

// candidateColumns are the columns of a candidate's row (candidateRowQuery): its rid, the indexed columns its
// update may leave alone (see rowColumns) and its body.
const candidateColumns = `rid, date_start, date_end, lat, lon, loc_precision, country, admin1, event_type, sub_event_type,
	fatalities_best, actor1_key, body`

// candidateRowSizes are the numbers of rids a candidate row query (candidateRowQueries) takes, so few statement
// texts are cached: the rids are padded to the next size with NULL, which no rid equals; beyond the largest,
// they are read in chunks of it. A statement per row cost about half as much again as the rows' reads (most
// reports read one to ten rows).
var candidateRowSizes = []int{1, 2, 4, 8, 16, 32, 64}

// candidateRowQueries are the queries of candidate rows by rid, by index in candidateRowSizes: an arm per rid
// (rid = ?) rather than rid IN (...), which SQLite's planner, on the statistics of a small store, reads by
// scanning the whole table.
var candidateRowQueries = func() []string {
	qs := make([]string, len(candidateRowSizes))
	for i, n := range candidateRowSizes {
		arm := `SELECT ` + candidateColumns + ` FROM incidents WHERE rid = ?`
		qs[i] = arm + strings.Repeat("\nUNION ALL\n"+arm, n-1)
	}
	return qs
}()

// candidate is an incident that might take a report, with its row as stored.
type candidate struct {
	rid int64
	row rowColumns
	// body is the incident's stored body, decoded whole (and its reports' events read) only when the report
	// merges into this incident.
	body []byte
}

// candidateHead is the part of an incident's body that choosing the incident a report merges into reads
// (incident.Merger.Assign: the type, date, place, actors, creation and id, and each report's document and event
// id), without the reports' events, which are most of a body that holds them whole (a body written since
// encodeBody mostly holds references to them). Decoding every candidate's whole body was the
// largest single cost of storing a document (a tenth of sitrep ingest's CPU); only the incident the report
// merges into is now decoded whole (decodeIncident).
type candidateHead = candidateHeadOf[headEvent]

// candidateHeadOf is a candidate head whose reports' events decode as E: headEvent reads a reference or a whole
// event, wholeHeadEvent only a whole event (or an {"id"} reference), and decodes a body that holds no string
// reference (one an older sitrep wrote) with one scan of each event instead of two (see decodeHead).
type candidateHeadOf[E interface{ eventID() string }] struct {
	ID           string        `json:"id"`
	EventType    string        `json:"event_type"`
	SubEventType string        `json:"sub_event_type"`
	Date         *event.When   `json:"date"`
	Location     *event.Place  `json:"location"`
	Actors       []event.Actor `json:"actors"`
	Reports      []struct {
		DocumentID string `json:"document_id"`
		Event      E      `json:"event"`
	} `json:"reports"`
	Created time.Time `json:"created"`
}

// incident is the head as an incident whose reports hold only their document and event ids.
func (h *candidateHeadOf[E]) incident() event.Incident {
	inc := event.Incident{ID: h.ID, EventType: h.EventType, SubEventType: h.SubEventType, Date: h.Date,
		Location: h.Location, Actors: h.Actors, Created: h.Created, Reports: make([]event.Report, len(h.Reports))}
	for i, r := range h.Reports {
		inc.Reports[i].DocumentID, inc.Reports[i].Event.ID = r.DocumentID, r.Event.eventID()
	}
	return inc
}

// decodeHead decodes the head of an incident body: by the strict reader (unmarshalHead), or by json.Unmarshal
// for a body not in json.Marshal's form.
func decodeHead(body []byte) (event.Incident, error) {
	var inc event.Incident
	if unmarshalHead(body, &inc) {
		return inc, nil
	}
	return decodeHeadJSON(body)
}

// decodeHeadJSON is decodeHead by json.Unmarshal.
func decodeHeadJSON(body []byte) (event.Incident, error) {
	if !hasStringRef(body) {
		var h candidateHeadOf[wholeHeadEvent]
		if err := json.Unmarshal(body, &h); err != nil {
			return event.Incident{}, err
		}
		return h.incident(), nil
	}
	var h candidateHead
	if err := json.Unmarshal(body, &h); err != nil {
		return event.Incident{}, err
	}
	return h.incident(), nil
}

// stringRef is how a body's reference to an event starts (encodeBody); a JSON string value cannot hold it
// (its quotes would be escaped), so a body without it holds no string reference.
var stringRef = []byte(`"event":"`)

// hasStringRef reports whether an incident body may hold a string reference to an event.
func hasStringRef(body []byte) bool { return bytes.Contains(body, stringRef) }

// headEvent is a report's event in a candidate head: its id, from a reference (a JSON string, see encodeBody)
// or from the whole event.
type headEvent struct {
	ID string `json:"id"`
}

func (e *headEvent) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &e.ID)
	}
	type plain headEvent // without this method
	return json.Unmarshal(b, (*plain)(e))
}

func (e headEvent) eventID() string { return e.ID }

// wholeHeadEvent is a report's whole event in a candidate head: its id.
type wholeHeadEvent struct {
	ID string `json:"id"`
}

func (e wholeHeadEvent) eventID() string { return e.ID }

// decodeIncident decodes a candidate's whole body, its reports' event references as they are (see hydrate).
func (c *candidate) decodeIncident() (event.Incident, error) {
	inc, err := decodeBody(c.body)
	if err != nil {
		return inc, fmt.Errorf("candidates: decode incident %d: %w", c.rid, err)
	}
	return inc, nil
}

// candidateQueries are every candidate query text, for the statement cache.
func (s *sqlStore) candidateQueries() []string {
	var qs []string
	for _, bySubType := range []bool{false, true} {
		qs = append(qs, candidateQuery(s.d, 1, true, bySubType))
		for _, n := range candidateKeySizes {
			qs = append(qs, candidateQuery(s.d, n, false, bySubType))
		}
	}
	return qs
}

// candidates loads the incidents that might hold ev: dates within the Merger's widest date slack of ev's, and
// either a point within a box a little larger than the Merger's widest distance, or no point (or only a
// country) in ev's country. A report without a point (or with only a country) takes every incident of its
// country. Incidents whose sub-type rules the merge out are not read (a report of no sub-type reads them all),
// nor those whose actor1 rules it out, nor placed ones outside the box.
func (s *sqlStore) candidates(ctx context.Context, tx *txn, ev event.Event) ([]event.Incident, []candidate, error) {
	c := columnsOf(ev.Date, ev.Location, nil)
	if c.start == "" {
		return nil, nil, nil
	}
	from, _ := event.ParseDate(c.start)
	to, _ := event.ParseDate(c.end)
	// Dates are days, so two intervals miss each other by a whole number of days, which the Merger vetoes beyond
	// the slack (at most MaxDateSlack): an incident w+1 days off was read only to be rejected (in a store of a
	// million incidents, an eighth of the candidate rows the 1,000-document bench corpus read).
	w := s.merger.Options.MaxDateSlack()
	var keys []any
	var box *BBox
	byCountry := c.lat == nil || c.precision == event.LocCountry
	if byCountry {
		keys = []any{clean(c.country)}
	} else {
		b := s.candidateBox(c.lat.(float64), c.lon.(float64))
		box = &b
		keys = append(cellKeys(b), "c:"+clean(c.country))
	}
	n := len(keys)
	if !byCountry {
		n = padTo(len(keys))
		for len(keys) < n {
			keys = append(keys, noKey)
		}
	}
	// The lowest start of each date class, NULL for a class no incident has (see dateClasses): its arms then
	// match no row and read no page.
	has, err := s.dateClassesOf(ctx, tx)
	if err != nil {
		return nil, nil, fmt.Errorf("candidates: %w", err)
	}
	args := keys
	for class, ok := range has {
		switch {
		case !ok:
			args = append(args, nil)
		case class < len(dateClassDays):
			args = append(args, from.AddDays(-w-dateClassDays[class]).String())
		default:
			args = append(args, "0") // below every date, above ""
		}
	}
	args = append(args, to.AddDays(w).String(), from.AddDays(-w).String())
	sub := clean(ev.SubEventType)
	args = append(args, candidateSubTypes(ev)...)
	rows, err := s.queryTx(ctx, tx, candidateQuery(s.d, n, byCountry, sub != ""), args...)
	if err != nil {
		return nil, nil, fmt.Errorf("candidates: %w", err)
	}
	var bound *incident.ScoreBound
	if !s.noScoreBound {
		b := s.merger.BoundFor(ev)
		bound = &b
	}
	rids, err := readCandidates(rows, ev, box, bound)
	if err != nil {
		return nil, nil, err
	}
	return s.candidateRows(ctx, tx, rids)
}

// candidateSubTypes are the sub-type parameters of ev's candidate query (subTypeParams of them, none when ev has
// no sub-type): its own and those of the incidents that may take it (incident.MergeableSubTypesFor: only those
// that need no agreement on actor1 when ev has no identified actor1), padded with its own.
func candidateSubTypes(ev event.Event) []any {
	sub := clean(ev.SubEventType)
	if sub == "" {
		return nil
	}
	subs := incident.MergeableSubTypesFor(sub, ev.Actors)
	args := make([]any, subTypeParams)
	for k := range args {
		if k > 0 && k <= len(subs) {
			args[k] = subs[k-1]
		} else {
			args[k] = sub
		}
	}
	return args
}

// readCandidates reads the rows of a candidate query (candidateGeoColumns when box is set, else
// candidateCountryColumns) and returns the rids of the incidents that may take ev: the sub-types may merge, the
// actor1s do not rule the merge out (incident.ReportActor1s.MayMerge on the incident's actor1_key; a NULL key, an
// incident whose key the migration could not compute, is read), when box is set the incident is unplaced (a
// "c:" geo key) or inside it, and, when bound is set, Merger.Score may accept ev into it
// (incident.ScoreBound.MayAccept on its sub-type, dates and actor1_key). Every incident it leaves out,
// Merger.Score would veto or score below the Merger's minimum.
func readCandidates(rows *sql.Rows, ev event.Event, box *BBox, bound *incident.ScoreBound) ([]int64, error) {
	defer rows.Close()
	sub, mayMerge := clean(ev.SubEventType), incident.SubTypesMayMerge
	if !incident.Actor1MayAgree(ev.Actors) {
		mayMerge = incident.SubTypesMayMergeUnagreed
	}
	actors := incident.ReportActor1sOf(ev.Actors)
	var rids []int64
	var rid int64
	var subType, start, end string
	var key, geoKey sql.NullString
	var lat, lon sql.NullFloat64
	dest := []any{&rid, &subType, &key, &start, &end, &geoKey, &lat, &lon}
	if box == nil {
		dest = dest[:5]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("candidates: %w", err)
		}
		if !mayMerge(subType, sub) || key.Valid && !actors.MayMerge(key.String, subType, sub) {
			continue
		}
		if box != nil && strings.HasPrefix(geoKey.String, "g:") && !box.contains(lat.Float64, lon.Float64) {
			continue
		}
		if bound != nil && !mayAccept(bound, subType, start, end, key) {
			continue
		}
		rids = append(rids, rid)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	return rids, nil
}

// mayAccept is bound.MayAccept for an incident whose sub_event_type, date_start, date_end and actor1_key
// columns are sub, start, end and key. The columns hold the day of its date's interval (columnsOf); a column
// that is not a day (none the write path writes) leaves the incident read.
func mayAccept(bound *incident.ScoreBound, sub, start, end string, key sql.NullString) bool {
	var from, to event.Date
	if start != "" {
		var err error
		if from, err = event.ParseDate(start); err != nil {
			return true
		}
		if to, err = event.ParseDate(end); err != nil {
			return true
		}
	}
	return bound.MayAccept(sub, from, to, key.String, key.Valid)
}

// candidateRows reads the rows of the candidates rids and decodes their heads (candidateHead), in the order
// of rids. cs[i] is the row of incs[i], with its body to decode whole if the report merges into it.
func (s *sqlStore) candidateRows(ctx context.Context, tx *txn, rids []int64) (incs []event.Incident, cs []candidate, err error) {
	if len(rids) == 0 {
		return nil, nil, nil
	}
	at := make(map[int64]int, len(rids))
	for i, rid := range rids {
		at[rid] = i
	}
	incs, cs = make([]event.Incident, len(rids)), make([]candidate, len(rids))
	read := 0
	for len(rids) > 0 {
		size := querySize(candidateRowSizes, len(rids))
		n := min(len(rids), candidateRowSizes[size])
		args := paddedKeys(candidateRowSizes[size], rids[:n], nil)
		rids = rids[n:]
		rows, err := s.queryTx(ctx, tx, candidateRowQueries[size], args...)
		if err != nil {
			return nil, nil, fmt.Errorf("candidates: %w", err)
		}
		for rows.Next() {
			var c candidate
			r := &c.row
			if err := rows.Scan(&c.rid, &r.start, &r.end, &r.lat, &r.lon, &r.precision, &r.country, &r.admin1,
				&r.eventType, &r.subEventType, &r.best, &r.actor1Key, &c.body); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("candidates: %w", err)
			}
			head, err := decodeHead(c.body)
			if err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("candidates: decode incident %d: %w", c.rid, err)
			}
			i := at[c.rid]
			incs[i], cs[i] = head, c
			read++
		}
		err = rows.Err()
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, nil, fmt.Errorf("candidates: %w", err)
		}
	}
	if read != len(at) {
		return nil, nil, fmt.Errorf("candidates: %d of %d incident rows read", read, len(at))
	}
	return incs, cs, nil
}

// candidateBox is the box around a point that holds every place the Merger could merge with it.
func (s *sqlStore) candidateBox(lat, lon float64) BBox {
	o := s.merger.Options
	km := max(o.RegionKm, o.NearKm, o.ExactKm)
	if km <= 0 {
		km = max(incident.DefaultOptions().RegionKm, incident.DefaultOptions().NearKm, incident.DefaultOptions().ExactKm)
	}
	dLat := km/111 + 0.1
	dLon := dLat / math.Max(math.Cos(math.Min(math.Abs(lat)+dLat, 90)*math.Pi/180), 0.05)
	return BBox{MinLat: lat - dLat, MaxLat: lat + dLat, MinLon: lon - dLon, MaxLon: lon + dLon}
}

// contains reports whether the point is inside b (edges included).
func (b BBox) contains(lat, lon float64) bool {
	return lat >= b.MinLat && lat <= b.MaxLat && lon >= b.MinLon && lon <= b.MaxLon
}

// cellKeys are the geo_key values of the cells b touches, as the migration computes them: the cell of a point
// is the truncated quotient of its latitude + 90 and longitude + 180 by cellDegrees.
func cellKeys(b BBox) []any {
	var keys []any
	for i := cellOf(b.MinLat + 90); i <= cellOf(b.MaxLat+90); i++ {
		for j := cellOf(b.MinLon + 180); j <= cellOf(b.MaxLon+180); j++ {
			keys = append(keys, "g:"+strconv.Itoa(i)+":"+strconv.Itoa(j))
		}
	}
	return keys
}

// cellOf is the cell index of a shifted coordinate (truncated toward zero, like SQL's CAST and trunc).
func cellOf(v float64) int { return int(v / cellDegrees) }

// padTo is the smallest candidateKeySizes entry that holds n keys, or n itself beyond the largest.
func padTo(n int) int {
	for _, size := range candidateKeySizes {
		if n <= size {
			return size
		}
	}
	return n
}
