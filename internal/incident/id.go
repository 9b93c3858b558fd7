package incident

import (
	"crypto/sha256"
	"encoding/hex"
)

// IDPrefix begins every incident id.
const IDPrefix = "inc-"

// incidentID derives a stable incident id from the first report's document and event ids (and an optional
// salt, used when a split would otherwise reuse an id).
func incidentID(documentID, eventID, salt string) string {
	h := sha256.Sum256([]byte(documentID + "\x00" + eventID + "\x00" + salt))
	return IDPrefix + hex.EncodeToString(h[:8])
}
