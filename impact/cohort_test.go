package impact

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"passerelle/portfolio"
)

// cohort writes n learners' outcome files for one program into a new folder, drawn from a
// seeded generator so every run sees the same cohort: mostly in a few provinces, a few in
// rare ones, outcomes from 0 to 24 months after their credential.
func cohort(tb testing.TB, n int, seed uint64) string {
	tb.Helper()
	dir := tb.TempDir()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	regions := []string{"MB", "MB", "MB", "ON", "ON", "QC", "QC", "BC", "", "NU", "YT"}
	types := portfolio.LaterOutcomeTypes()
	for i := range n {
		f := File{Format: Format, Program: "Centre d’amitié — Career coaching 2026", Pseudonym: pseudo(r),
			Region: regions[r.IntN(len(regions))], Month: "2026-11"}
		if r.IntN(4) == 0 {
			f.SelfIdentification = map[string]bool{"newcomer": r.IntN(2) == 0, "indigenous": r.IntN(3) == 0}
		}
		issued := 2023*12 + r.IntN(24)
		cred := []Credential{{Issuer: "Collège de l’Ouest", TitleEN: "Lab safety " + strconv.Itoa(r.IntN(3))}}
		for range 1 + r.IntN(3) {
			t := string(types[r.IntN(len(types))])
			after := r.IntN(25)
			m := issued + after
			month := strconv.Itoa(m/12) + "-" + twoDigits(m%12+1)
			f.Outcomes = append(f.Outcomes, Outcome{Type: t, Month: month, Credentials: cred, MonthsAfterCredential: &after})
		}
		if r.IntN(5) == 0 {
			f.Outcomes = append(f.Outcomes, Outcome{Type: TypeCreditGranted, Month: "2025-04",
				Courses: []Course{{Institution: "Collège de l’Ouest", Code: "MLT101"}}})
		}
		if err := os.WriteFile(filepath.Join(dir, "learner-"+strconv.Itoa(i)+".json"), f.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func pseudo(r *rand.Rand) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	b := make([]byte, 26)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
