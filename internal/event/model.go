package event

// Event is one incident as one document reports it, in the ACLED taxonomy, every value tied to its evidence.
type Event struct {
	ID           string   `json:"id"`
	EventType    string   `json:"event_type"`
	SubEventType string   `json:"sub_event_type"`
	Summary      string   `json:"summary,omitempty"`
	Date         *When    `json:"date"`
	Location     *Place   `json:"location"`
	Actors       []Actor  `json:"actors"`
	Fatalities   *Count   `json:"fatalities"`
	Injuries     *Count   `json:"injuries"`
	Weapons      []Thing  `json:"weapons"`
	Targets      []Thing  `json:"targets"`
	Claims       []Claim  `json:"claims"`
	Sources      []string `json:"sources"`
	Evidence     []Span   `json:"evidence"`
	Confidence   float64  `json:"confidence"`
	// Explain lists, for each value, the rule and lexicon entry that produced it (only with --explain).
	Explain []Reason `json:"explain,omitempty"`
}

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// When is the interval in which an event happened.
type When struct {
	Start     Date   `json:"start"`
	End       Date   `json:"end"`
	Precision string `json:"precision"`
	Span      *Span  `json:"span,omitempty"`
}

// Location precisions.
const (
	LocExact   = "exact"
	LocNear    = "near"
	LocRegion  = "region"
	LocCountry = "country"
)

// Place is where an event happened.
type Place struct {
	Name      string  `json:"name"`
	GeonameID *int64  `json:"geonameid"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Country   string  `json:"country"`
	Admin1    *string `json:"admin1"`
	Precision string  `json:"precision"`
	Span      *Span   `json:"span,omitempty"`
}

// Actor roles.
const (
	RoleActor1     = "actor1"
	RoleActor2     = "actor2"
	RoleAssociated = "associated"
)

// Attributions: how firmly the text ties an actor to the event.
const (
	AttrStated    = "stated"
	AttrAlleged   = "alleged"
	AttrContested = "contested"
)

// Actor kinds, after ACLED's inter codes.
const (
	KindStateForces      = "state_forces"
	KindRebelGroup       = "rebel_group"
	KindPoliticalMilitia = "political_militia"
	KindIdentityMilitia  = "identity_militia"
	KindRioters          = "rioters"
	KindProtesters       = "protesters"
	KindCivilians        = "civilians"
	KindExternalForces   = "external_forces"
	KindOrganization     = "organization"
	KindUnknown          = "unknown"
)

// Actor is a party to an event.
type Actor struct {
	Role        string `json:"role"`
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Country     string `json:"country,omitempty"`
	Attribution string `json:"attribution"`
	Span        *Span  `json:"span,omitempty"`
}

// Count is a number of people as the text reports it: a range, a best estimate and a qualifier
// ("approximately", "at least", "more than", ...).
type Count struct {
	Low       *int   `json:"low"`
	Best      *int   `json:"best"`
	High      *int   `json:"high"`
	Qualifier string `json:"qualifier,omitempty"`
	Span      *Span  `json:"span,omitempty"`
	// Revised marks an updated or cumulative toll ("the death toll has risen to 27"): a merger lets the latest
	// revised figure stand over earlier ones.
	Revised bool `json:"revised,omitempty"`
}

// Thing is a named weapon or target.
type Thing struct {
	Name string `json:"name"`
	Span *Span  `json:"span,omitempty"`
}

// Claim stances.
const (
	StanceAsserts   = "asserts"
	StanceAccuses   = "accuses"
	StanceDenies    = "denies"
	StanceQuestions = "questions"
	StanceReports   = "reports"
)

// Claim is who says what about an event.
type Claim struct {
	Claimant Claimant `json:"claimant"`
	Stance   string   `json:"stance"`
	About    string   `json:"about,omitempty"`
	Span     Span     `json:"span"`
}

// Claimant is the party making a claim.
type Claimant struct {
	Name string `json:"name"`
	Span *Span  `json:"span,omitempty"`
}

// Reason explains one extracted value: which rule fired on which lexicon entry, and where.
type Reason struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Rule  string `json:"rule"`
	Entry string `json:"entry,omitempty"`
	Span  *Span  `json:"span,omitempty"`
}

// Entity kinds.
const (
	EntityPerson       = "person"
	EntityOrganization = "organization"
	EntityPlace        = "place"
	EntityGroup        = "group"
	EntityWeapon       = "weapon"
)

// Entity is a named thing with all its mentions in the document.
type Entity struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Mentions []Span `json:"mentions"`
}

// Result is what `sitrep extract` prints for one document.
type Result struct {
	Schema   string   `json:"schema"`
	Document Document `json:"document"`
	Events   []Event  `json:"events"`
	Entities []Entity `json:"entities,omitempty"`
}
