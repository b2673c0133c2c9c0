package main

import "testing"

func TestVersionNumbers_WindowsKeepsFourNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [4]uint16
	}{
		{"v1.2.3", [4]uint16{1, 2, 3, 0}},
		{"v1.2.3-4-gabc1234", [4]uint16{1, 2, 3, 4}},
		{"v1.2.3-4-gabc1234-dirty", [4]uint16{1, 2, 3, 4}},
		{"1.2", [4]uint16{1, 2, 0, 0}},
		{"5cc47a7-dirty", [4]uint16{}}, // no release tag yet: a hash, not version 5
		{"0.0.0-unknown", [4]uint16{}},
		{"", [4]uint16{}},
	} {
		if got := versionNumbers(tc.in); got != tc.want {
			t.Errorf("versionNumbers(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
