package fetch

import (
	"fmt"
	"net/netip"
	"syscall"
)

// blocked lists the ranges that are never dialled without AllowPrivate, beyond what netip.Addr's own predicates
// (loopback, private, link-local, multicast, unspecified) cover.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // CGNAT shared address space
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, includes broadcast
	netip.MustParsePrefix("fc00::/7"),       // unique local (also IsPrivate)
	netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	netip.MustParsePrefix("100::/64"),       // discard-only
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
}

// nat64 is the well-known NAT64 prefix: its last 32 bits are an IPv4 address that is checked in turn.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// IsPublic reports whether addr is a globally reachable unicast address that the guard lets through.
func IsPublic(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() ||
		addr.IsUnspecified() {
		return false
	}
	for _, p := range blocked {
		if p.Contains(addr) {
			return false
		}
	}
	if nat64.Contains(addr) {
		b := addr.As16()
		return IsPublic(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	}
	return true
}

// publicOnly is the default dial policy.
func publicOnly(ap netip.AddrPort) bool { return IsPublic(ap.Addr()) }

// control returns a net.Dialer.Control that refuses addresses permit rejects. It sees the address really being
// dialled, after DNS resolution, so every hop of a redirect chain and every resolved IP is checked.
func control(permit func(netip.AddrPort) bool) func(string, string, syscall.RawConn) error {
	return func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: cannot parse dialled address %q", ErrPrivateAddress, address)
		}
		if !permit(ap) {
			return fmt.Errorf("%w: %s", ErrPrivateAddress, ap.Addr())
		}
		return nil
	}
}
