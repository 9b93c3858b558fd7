package extract

// strayAnaphor reports a candidate that names its incident again right after the cluster's last sentence
// ("The clashes started near the village of ...") with the cluster's sub-type, but whose place was read in
// another country than the document's: a small village the gazetteer placed abroad, not a second incident.
func (r *run) strayAnaphor(c *cluster, k *cand, kp *placed) bool {
	return k.anaphoric && k.s.idx-c.last() == 1 && c.top().sub == k.sub && r.stray(c, kp)
}

// stray reports a place in another country than the cluster's place, when the cluster's place is in the
// document's country: it cannot place the cluster's incident.
func (r *run) stray(c *cluster, p *placed) bool {
	return c.place != nil && p != nil && r.focus != "" && c.place.t.Country == r.focus && p.t.Country != "" &&
		p.t.Country != r.focus
}
