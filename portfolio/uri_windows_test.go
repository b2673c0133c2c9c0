package portfolio

import "testing"

func TestVfsPath_WindowsFormsBecomeExtendedLength(t *testing.T) {
	cases := []struct{ in, want string }{
		{`C:\Users\Zoé Lévesque\Documents\ᐃᓄᒃ portfolio.passerelle`, `\\?\C:\Users\Zoé Lévesque\Documents\ᐃᓄᒃ portfolio.passerelle`},
		{`\\serveur\partage\Zoé\p.passerelle`, `\\?\UNC\serveur\partage\Zoé\p.passerelle`},
		{`\\?\D:\déjà\p.passerelle`, `\\?\D:\déjà\p.passerelle`},
	}
	for _, tc := range cases {
		if got := vfsPath(tc.in); got != tc.want {
			t.Errorf("vfsPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
