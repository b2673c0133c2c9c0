package impact

import (
	"testing"
)

// FuzzCheckStatements feeds the checker whatever a program's file might hold: it answers with
// problems, never a panic.
func FuzzCheckStatements(f *testing.F) {
	f.Add([]byte(`[{"actor":{"account":{"homePage":"https://x.org","name":"a"}},"verb":{"id":"http://a/b"},"object":{"id":"http://c/d"}}]`))
	f.Add([]byte(`[{"object":{"objectType":"SubStatement"},"context":{"contextActivities":{"other":{"id":1}}}}]`))
	f.Add([]byte(`[null, 1, "x", {"actor":[]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		CheckStatements(data)
	})
}
