package event

// ACLED event types.
const (
	TypeBattles      = "Battles"
	TypeExplosions   = "Explosions/Remote violence"
	TypeViolenceCivs = "Violence against civilians"
	TypeProtests     = "Protests"
	TypeRiots        = "Riots"
	TypeStrategic    = "Strategic developments"
)

// subTypes maps each of ACLED's 25 sub-event types to its event type.
var subTypes = map[string]string{
	"Armed clash":                         TypeBattles,
	"Government regains territory":        TypeBattles,
	"Non-state actor overtakes territory": TypeBattles,
	"Chemical weapon":                     TypeExplosions,
	"Air/drone strike":                    TypeExplosions,
	"Suicide bomb":                        TypeExplosions,
	"Shelling/artillery/missile attack":   TypeExplosions,
	"Remote explosive/landmine/IED":       TypeExplosions,
	"Grenade":                             TypeExplosions,
	"Sexual violence":                     TypeViolenceCivs,
	"Attack":                              TypeViolenceCivs,
	"Abduction/forced disappearance":      TypeViolenceCivs,
	"Peaceful protest":                    TypeProtests,
	"Protest with intervention":           TypeProtests,
	"Excessive force against protesters":  TypeProtests,
	"Violent demonstration":               TypeRiots,
	"Mob violence":                        TypeRiots,
	"Agreement":                           TypeStrategic,
	"Arrests":                             TypeStrategic,
	"Change to group/activity":            TypeStrategic,
	"Disrupted weapons use":               TypeStrategic,
	"Headquarters or base established":    TypeStrategic,
	"Looting/property destruction":        TypeStrategic,
	"Non-violent transfer of territory":   TypeStrategic,
	"Other":                               TypeStrategic,
}

// TypeOf returns the ACLED event type of a sub-event type, and false for an unknown sub-type.
func TypeOf(subType string) (string, bool) {
	t, ok := subTypes[subType]
	return t, ok
}

// Types returns ACLED's six event types in codebook order.
func Types() []string {
	return []string{TypeBattles, TypeExplosions, TypeViolenceCivs, TypeProtests, TypeRiots, TypeStrategic}
}

// SubTypes returns the 25 sub-event types in ACLED's codebook order.
func SubTypes() []string {
	return []string{
		"Armed clash", "Government regains territory", "Non-state actor overtakes territory",
		"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
		"Remote explosive/landmine/IED", "Grenade",
		"Sexual violence", "Attack", "Abduction/forced disappearance",
		"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
		"Violent demonstration", "Mob violence",
		"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
		"Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
	}
}
