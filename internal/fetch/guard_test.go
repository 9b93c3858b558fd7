package fetch

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"2606:4700::1111", true},
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"10.0.0.1", false},
		{"172.16.5.4", false},
		{"172.32.0.1", true},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},      // CGNAT
		{"100.127.255.254", false},
		{"100.128.0.1", true},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"198.18.0.1", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"ff02::1", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
		{"64:ff9b::808:808", true},
	}
	for _, tt := range tests {
		if got := IsPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("IsPublic(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

func TestGuardRefusesPrivateTargets(t *testing.T) {
	srv := newTestServer(t)
	c := New(Options{IgnoreRobots: true})
	for _, u := range []string{srv.URL + "/page", "http://10.0.0.1/", "http://[::1]:1/", "http://localhost:1/",
		"http://169.254.169.254/latest/meta-data/"} {
		_, err := c.Get(context.Background(), u)
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("Get(%s) = %v, want ErrPrivateAddress", u, err)
		}
	}
}

func TestGuardAppliesBeforeRobots(t *testing.T) {
	srv := newTestServer(t)
	_, err := New(Options{}).Get(context.Background(), srv.URL+"/page")
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("got %v, want ErrPrivateAddress", err)
	}
	// The refusal is about the address, not about robots.txt, which was never reached.
	if strings.Contains(err.Error(), "robots") {
		t.Errorf("error %q blames robots.txt for a refused address", err)
	}
}

func TestRedirectToPrivateRefused(t *testing.T) {
	srv := newTestServer(t)
	first := netip.MustParseAddrPort(srv.Listener.Addr().String())
	// A policy that treats only the test server as public: the redirect to 10.0.0.1 and to another
	// loopback port must be refused by the dialler.
	c := newClient(Options{IgnoreRobots: true}, func(ap netip.AddrPort) bool { return ap == first })
	if _, err := c.Get(context.Background(), srv.URL+"/page"); err != nil {
		t.Fatalf("allowed server: %v", err)
	}
	for _, target := range []string{"http://10.0.0.1/x", "http://127.0.0.1:1/x"} {
		_, err := c.Get(context.Background(), srv.URL+"/redirect?to="+target)
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("redirect to %s: got %v, want ErrPrivateAddress", target, err)
		}
	}
}
