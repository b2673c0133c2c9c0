package filename

import "testing"

func TestValid_WindowsRules(t *testing.T) {
	cases := []struct {
		name string
		want bool
	}{
		{"Zoé Lévesque — ᐃᓄᒃ portfolio.passerelle", true},
		{"photo 2024-05-01.jpg", true},
		{"CON", false}, {"con.passerelle", false}, {"Nul.pdf", false}, {"COM1.jpg", false},
		{"lpt9", false}, {"COM¹.txt", false}, {"nul .txt", false}, {"CONOUT$", false},
		{"CONSOLE.txt", true}, {"COM10.txt", true}, {"icon.png", true},
		{"a:b.jpg", false}, {"quoi?.pdf", false}, {`a"b`, false}, {"a|b", false}, {"a*b", false},
		{"a<b>", false}, {`a\b`, false}, {"a/b", false}, {"tab\there", false},
		{"fin.", false}, {"fin ", false}, {"", false}, {".", false}, {"..", false},
	}
	for _, tc := range cases {
		if got := Valid(tc.name); got != tc.want {
			t.Errorf("Valid(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSafe_ChangesOnlyWhatWindowsRefuses(t *testing.T) {
	cases := map[string]string{
		"Zoé — ᐃᓄᒃ.pdf":      "Zoé — ᐃᓄᒃ.pdf",
		"CON.pdf":            "CON_.pdf",
		"con":                "con_",
		"nul .txt":           "nul_.txt",
		"Reçu 10:30 a/b.jpg": "Reçu 10_30 a_b.jpg",
		"lettre. ":           "lettre",
		" ... ":              "fallback",
		"a?*<>|\"b":          "a______b",
	}
	for in, want := range cases {
		got := Safe(in, "fallback")
		if got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
		if !Valid(got) {
			t.Errorf("Safe(%q) = %q, which Valid refuses", in, got)
		}
	}
}

func FuzzSafe_AlwaysValid(f *testing.F) {
	for _, s := range []string{"CON.pdf", "a:b", " . ", "\xff\xfe", "nul .txt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Safe(s, "evidence"); !Valid(got) {
			t.Fatalf("Safe(%q) = %q, not valid", s, got)
		}
	})
}
