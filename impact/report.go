package impact

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"passerelle/fault"
	"passerelle/portfolio"
)

// MinCell is the smallest group a report shows: a count of fewer learners than this (zero
// included) is never shown, in any table, chart, CSV or PDF, so no learner can be picked out.
const MinCell = 5

// MaxReportFiles bounds the files one report reads, so a folder of the wrong things cannot
// make the app read for minutes.
const MaxReportFiles = 100000

// MaxOutcomeFileBytes bounds one outcome file: a learner's file is a few kilobytes.
const MaxOutcomeFileBytes = 1 << 20

// MonthBuckets are the spans of months after a credential the report counts outcomes in.
func MonthBuckets() []string { return []string{"0-3", "4-6", "7-12", "13+"} }

// bucketOf puts a number of months after a credential in its span.
func bucketOf(months int) string {
	switch {
	case months <= 3:
		return "0-3"
	case months <= 6:
		return "4-6"
	case months <= 12:
		return "7-12"
	}
	return "13+"
}

// RegionNotGiven is the region key of learners who shared none.
const RegionNotGiven = "none"

// Cell is one group of a report's table: how many learners it holds, or, when fewer than
// MinCell (or when showing it would let a suppressed one be worked out), Suppressed with
// Count 0, so the true number never reaches a page, a CSV or a PDF.
type Cell struct {
	Key        string `json:"key"`
	LabelID    string `json:"labelId"`
	Count      int    `json:"count"`
	Suppressed bool   `json:"suppressed"`
}

// Report is what a program learns from a folder of outcome files: counts of learners by
// outcome type, by months after credential, by region and by the self-identification items
// learners chose to share, and the median months to a first outcome, every small cell suppressed.
type Report struct {
	Folder string `json:"folder"`
	// Program is the program the report was limited to, "" for every program in the folder.
	Program  string   `json:"program"`
	Programs []string `json:"programs"`
	// Files is how many learners' files were counted (0 while Learners is suppressed).
	Files int `json:"files"`
	// Skipped names the files in the folder that are not outcome files.
	Skipped            []string `json:"skipped"`
	Learners           int      `json:"learners"`
	LearnersSuppressed bool     `json:"learnersSuppressed"`
	MinCell            int      `json:"minCell"`
	ByType             []Cell   `json:"byType"`
	ByMonths           []Cell   `json:"byMonths"`
	ByRegion           []Cell   `json:"byRegion"`
	BySelfID           []Cell   `json:"bySelfId"`
	// MedianMonths is the median, over learners with a dated outcome after a credential, of
	// the months to their first one ("no change" aside); MedianLearners how many that is.
	MedianMonths     float64 `json:"medianMonths"`
	MedianLearners   int     `json:"medianLearners"`
	MedianSuppressed bool    `json:"medianSuppressed"`
	// Suppressed counts the cells not shown, for the sentence that says so.
	Suppressed int `json:"suppressed"`
	// XAPIWithheld is what the xAPI statements of the same files leave out, for the same reason.
	XAPIWithheld XAPIWithheld `json:"xapiWithheld"`
}

// ReadFolder reads every outcome file (*.json) in folder, for program or (program "") all of
// them. The same pseudonym in several files of a program counts once, from the latest file.
// Files that are not outcome files are listed in Skipped; a folder with none is refused.
func ReadFolder(ctx context.Context, folder, program string) ([]File, []string, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil, nil, fault.Wrap(fault.New(fault.NotFound, "in", "ErrOutcomesFolderUnreadable", "Folder", folder), err)
	}
	key := strings.TrimSpace(program)
	latest := map[string]File{}
	skipped := []string{}
	read := 0
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		if read++; read > MaxReportFiles {
			return nil, nil, fault.New(fault.TooLarge, "in", "ErrOutcomesFolderTooLarge", "Max", MaxReportFiles)
		}
		if info, err := e.Info(); err != nil || info.Size() > MaxOutcomeFileBytes {
			skipped = append(skipped, e.Name())
			continue
		}
		f, err := Read(filepath.Join(folder, e.Name()))
		if err != nil {
			skipped = append(skipped, e.Name())
			continue
		}
		if key != "" && !sameProgram(f.Program, key) {
			continue
		}
		id := f.Program + "\x00" + f.Pseudonym
		if old, ok := latest[id]; !ok || f.Month >= old.Month {
			latest[id] = f
		}
	}
	files := make([]File, 0, len(latest))
	for _, f := range latest {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].String() < files[j].String() })
	if len(files) == 0 {
		if key != "" {
			return nil, skipped, fault.New(fault.NotFound, "in", "ErrOutcomesNoneForProgram", "Program", key, "Folder", folder)
		}
		return nil, skipped, fault.New(fault.NotFound, "in", "ErrOutcomesFolderEmpty", "Folder", folder)
	}
	return files, skipped, nil
}

// sameProgram compares program names as the consent screen stores them.
func sameProgram(a, b string) bool {
	return strings.EqualFold(normName(a), normName(b))
}

// BuildReport counts the learners of files, suppressing every cell under MinCell.
func BuildReport(files []File) Report {
	r := Report{MinCell: MinCell, Programs: []string{}, Skipped: []string{}}
	programs := map[string]bool{}
	byType := map[string]int{}
	byMonths := map[string]int{}
	byRegion := map[string]int{}
	bySelfID := map[string]int{}
	var firsts []int
	for _, f := range files {
		programs[f.Program] = true
		types := map[string]bool{}
		buckets := map[string]bool{}
		first := -1
		for _, o := range f.Outcomes {
			types[o.Type] = true
			if o.MonthsAfterCredential == nil || o.Type == string(portfolio.LaterNoChange) {
				continue
			}
			m := *o.MonthsAfterCredential
			buckets[bucketOf(m)] = true
			if first < 0 || m < first {
				first = m
			}
		}
		for t := range types {
			byType[t]++
		}
		for b := range buckets {
			byMonths[b]++
		}
		if first >= 0 {
			firsts = append(firsts, first)
		}
		region := f.Region
		if region == "" {
			region = RegionNotGiven
		}
		byRegion[region]++
		for item, yes := range f.SelfIdentification {
			if yes {
				bySelfID[item]++
			}
		}
	}
	for p := range programs {
		r.Programs = append(r.Programs, p)
	}
	sort.Strings(r.Programs)
	r.Learners = len(files)
	if r.Learners < MinCell {
		r.Learners, r.LearnersSuppressed = 0, true
		r.Suppressed++
	}
	r.ByType = cells(OutcomeTypes(), byType, typeLabelID)
	r.ByMonths = cells(MonthBuckets(), byMonths, monthsLabelID)
	var regions []string
	for _, p := range portfolio.Provinces() {
		regions = append(regions, string(p))
	}
	r.ByRegion = cells(append(regions, RegionNotGiven), byRegion, regionLabelID)
	if !r.LearnersSuppressed {
		protectComplement(r.ByRegion) // regions split the learners: one hidden cell would be a subtraction away
	}
	var items []string
	for _, i := range portfolio.SelfIDItems() {
		items = append(items, string(i))
	}
	r.BySelfID = cells(items, bySelfID, func(k string) string { return "SelfIdItem" + capital(k) })
	r.MedianLearners = len(firsts)
	if len(firsts) < MinCell {
		r.MedianLearners, r.MedianSuppressed = 0, true
		r.Suppressed++
	} else {
		r.MedianMonths = median(firsts)
	}
	for _, table := range [][]Cell{r.ByType, r.ByMonths, r.ByRegion, r.BySelfID} {
		for _, c := range table {
			if c.Suppressed {
				r.Suppressed++
			}
		}
	}
	return r
}

// cells makes one table in the order of keys, each cell under MinCell suppressed.
func cells(keys []string, counts map[string]int, label func(string) string) []Cell {
	out := make([]Cell, 0, len(keys))
	for _, k := range keys {
		c := Cell{Key: k, LabelID: label(k), Count: counts[k]}
		if c.Count < MinCell {
			c.Count, c.Suppressed = 0, true
		}
		out = append(out, c)
	}
	return out
}

// protectComplement hides a second cell of a table whose cells add up to a total that is
// shown, when only one is hidden: otherwise the total minus the rest gives it away.
func protectComplement(table []Cell) {
	hidden, smallest := 0, -1
	for i, c := range table {
		if c.Suppressed {
			hidden++
		} else if smallest < 0 || c.Count < table[smallest].Count {
			smallest = i
		}
	}
	if hidden == 1 && smallest >= 0 {
		table[smallest].Count, table[smallest].Suppressed = 0, true
	}
}

// median is the middle value of xs (the mean of the two middle ones for an even count).
func median(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// typeLabelID is the locale message naming an outcome type.
func typeLabelID(t string) string {
	if slices.Contains([]string{TypeCreditGranted, TypeCreditPartial, TypeCreditRefused}, t) {
		return "ReportType" + capital(t)
	}
	return "LaterOutcomeType" + capital(t)
}

// monthsLabelID is the locale message naming a span of months.
func monthsLabelID(b string) string {
	return map[string]string{"0-3": "ReportMonths0To3", "4-6": "ReportMonths4To6", "7-12": "ReportMonths7To12",
		"13+": "ReportMonths13Plus"}[b]
}

// regionLabelID is the locale message naming a region.
func regionLabelID(r string) string {
	if r == RegionNotGiven {
		return "ReportRegionNotGiven"
	}
	return "Province" + r
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// DecimalMonths writes a median number of months as a reader of lang expects it: 3.5 in
// English, 3,5 in French (the printed report and the PDF). The CSV keeps the dot, for the
// programs that read it (see README "For programs").
func DecimalMonths(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang == portfolio.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// FolderReport reads folder and builds its report, for the window and the command alike.
func FolderReport(ctx context.Context, folder, program string) (Report, []File, error) {
	files, skipped, err := ReadFolder(ctx, folder, program)
	if err != nil {
		return Report{}, nil, err
	}
	r := BuildReport(files)
	r.Folder, r.Program, r.Skipped = folder, strings.TrimSpace(program), skipped
	r.XAPIWithheld = XAPIPlan(files)
	if !r.LearnersSuppressed {
		r.Files = len(files) // with fewer than MinCell learners, even this would count them
	}
	return r, files, nil
}
