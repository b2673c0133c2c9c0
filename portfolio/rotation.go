package portfolio

import (
	"fmt"
	"sort"
	"time"
)

// How many automatic snapshots rotation keeps: the newest of each of this many days, and of
// each of this many weeks, among those that have one.
const (
	KeepDailySnapshots  = 7
	KeepWeeklySnapshots = 4
)

// SnapshotsToDrop decides, from file names alone, which automatic snapshots rotation removes.
// It keeps the newest snapshot of each of the 7 most recent days that have one and of each of
// the 4 most recent weeks that have one (days and weeks in now's time zone), so a learner who
// opens the app once a month still has a month of history. It never drops a name it cannot
// read, another kind of backup, or a snapshot dated after now: an old laptop whose clock reset
// to 2000 must not throw away the real, newer snapshots.
func SnapshotsToDrop(names []string, now time.Time) []string {
	type snap struct {
		name  string
		taken time.Time
	}
	var snaps []snap
	for _, n := range names {
		_, kind, taken, ok := parseBackupName(n)
		if !ok || kind != BackupSnapshot || taken.After(now) {
			continue
		}
		snaps = append(snaps, snap{n, taken})
	}
	sort.SliceStable(snaps, func(i, j int) bool { return snaps[i].taken.After(snaps[j].taken) })
	keep := map[string]bool{}
	days, weeks := map[string]bool{}, map[string]bool{}
	for _, s := range snaps {
		local := s.taken.In(now.Location())
		day := local.Format(time.DateOnly)
		year, w := local.ISOWeek()
		week := fmt.Sprintf("%d-W%02d", year, w)
		if !days[day] && len(days) < KeepDailySnapshots {
			days[day], keep[s.name] = true, true
		}
		if !weeks[week] && len(weeks) < KeepWeeklySnapshots {
			weeks[week], keep[s.name] = true, true
		}
	}
	drop := []string{}
	for _, s := range snaps {
		if !keep[s.name] {
			drop = append(drop, s.name)
		}
	}
	sort.Strings(drop)
	return drop
}
