package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"passerelle/fault"
	"passerelle/plar"
	"passerelle/portfolio"
)

// targetImport adds an institution's outcomes file to a target, creating the target if needed.
func (c cli) targetImport(ctx context.Context, args []string) int {
	var path, name, columns string
	mapped := false
	files, code, ok := c.parse("target import", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&name, "target", "", "")
		fs.Func("columns", "", func(v string) error { columns, mapped = v, true; return nil })
	})
	if !ok {
		return code
	}
	file := ""
	if len(files) > 0 {
		file, files = files[0], files[1:]
	}
	if err := firstError(notUnderstood(files), missing([2]string{"--portfolio", path}, [2]string{"--target", name},
		[2]string{"OUTCOMES.csv|.json", file})); err != nil {
		return c.usage("target import", err)
	}
	outcomes, err := readOutcomes(file, mapped, columns)
	if e, ok := fault.As(err); ok && e.Field == plar.ColumnsField && mapped {
		// The file is fine but --columns does not fit it: a usage error, like any bad flag.
		c.fail(err)
		return 2
	}
	if e, ok := fault.As(err); ok && e.MessageID == "ErrImportColumns" {
		c.fail(err)
		c.say(c.stderr, "CliColumnsHint")
		return 1
	}
	if err != nil {
		return c.fail(err)
	}
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	ps := plar.NewStore(st)
	target, err := ps.TargetByName(ctx, name)
	if fault.CodeOf(err) == fault.NotFound {
		target, err = ps.SaveTarget(ctx, plar.Target{Name: name})
	}
	if err != nil {
		return c.fail(err)
	}
	added, err := ps.AddOutcomes(ctx, target.ID, outcomes)
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliOutcomesImported", "Count", len(added), "Target", target.Name)
	return 0
}

// readOutcomes reads an outcomes file with the columns --columns names (code=…,en=…,fr=…, by
// name or 1-based number), or with the columns guessed from its header when the flag is absent.
func readOutcomes(file string, mapped bool, columns string) ([]plar.Outcome, error) {
	var choice plar.ColumnChoice
	if mapped {
		var err error
		if choice, err = plar.ParseColumnChoice(columns); err != nil {
			return nil, err
		}
	}
	data, err := plar.ReadOutcomesFile(file)
	if err != nil {
		return nil, err
	}
	if !mapped {
		return plar.ParseOutcomes(data)
	}
	return plar.ParseOutcomesChoosing(data, choice)
}

// readinessReport is what `passerelle readiness --json` prints, for scripts.
type readinessReport struct {
	Targets []targetReport `json:"targets"`
}

type targetReport struct {
	Name     string          `json:"name"`
	Total    int             `json:"total"`
	Claimed  int             `json:"claimed"`
	Ready    int             `json:"ready"`
	Outcomes []outcomeReport `json:"outcomes"`
	Next     []stepReport    `json:"next"`
}

type outcomeReport struct {
	Code   string       `json:"code"`
	Status string       `json:"status"`
	Unmet  []stepReport `json:"unmet"`
}

type stepReport struct {
	Outcome   string `json:"outcome,omitempty"`
	Rule      string `json:"rule,omitempty"`
	MessageID string `json:"messageId"`
	Message   string `json:"message"`
}

// readiness prints, for every target (or the one named), each outcome's status and unmet rules.
func (c cli) readiness(ctx context.Context, args []string) int {
	var path, name string
	var asJSON bool
	extra, code, ok := c.parse("readiness", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&name, "target", "", "")
		fs.BoolVar(&asJSON, "json", false, "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path})); err != nil {
		return c.usage("readiness", err)
	}
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	ps := plar.NewStore(st)
	targets, err := ps.Targets(ctx)
	if err != nil {
		return c.fail(err)
	}
	report := readinessReport{Targets: []targetReport{}}
	for _, t := range targets {
		if name != "" && t.Name != name {
			continue
		}
		in, err := ps.Gather(ctx, t.ID)
		if err != nil {
			return c.fail(err)
		}
		report.Targets = append(report.Targets, c.targetReport(plar.Compute(in)))
	}
	if name != "" && len(report.Targets) == 0 {
		return c.usage("readiness", c.noSuchTarget(name, targets))
	}
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return c.fail(err)
		}
		return 0
	}
	c.printReadiness(report)
	return 0
}

func (c cli) targetReport(r plar.Readiness) targetReport {
	tr := targetReport{Name: r.Target.Name, Total: r.Total, Claimed: r.Claimed, Ready: r.Ready,
		Outcomes: []outcomeReport{}, Next: []stepReport{}}
	for _, o := range r.Outcomes {
		or := outcomeReport{Code: o.Outcome.Code, Status: o.Status, Unmet: []stepReport{}}
		if o.Assessment != nil {
			for _, rule := range o.Assessment.Rules {
				for _, s := range rule.Steps {
					or.Unmet = append(or.Unmet, stepReport{Rule: rule.Rule, MessageID: s.MessageID,
						Message: c.Catalog.Text(c.Lang, s.MessageID, s.Args)})
				}
			}
		}
		tr.Outcomes = append(tr.Outcomes, or)
	}
	for _, td := range r.ToDo {
		tr.Next = append(tr.Next, stepReport{Outcome: td.OutcomeCode, MessageID: td.Step.MessageID,
			Message: c.Catalog.Text(c.Lang, td.Step.MessageID, td.Step.Args)})
	}
	return tr
}

func (c cli) printReadiness(r readinessReport) {
	if len(r.Targets) == 0 {
		c.say(c.stdout, "CliNoTargets")
		return
	}
	statusID := map[string]string{plar.StatusNotClaimed: "StatusNotClaimed", plar.StatusGaps: "StatusGaps",
		plar.StatusReady: "StatusReady"}
	ruleID := map[string]string{plar.RuleValid: "RuleValid", plar.RuleCurrent: "RuleCurrent",
		plar.RuleSufficient: "RuleSufficient", plar.RuleAuthentic: "RuleAuthentic"}
	for _, t := range r.Targets {
		c.say(c.stdout, "CliReadinessSummary", "Target", t.Name, "Total", t.Total, "Claimed", t.Claimed, "Ready", t.Ready)
		for _, o := range t.Outcomes {
			fmt.Fprintf(c.stdout, "  %-12s %s\n", o.Code, c.Catalog.Text(c.Lang, statusID[o.Status], nil))
			for _, u := range o.Unmet {
				fmt.Fprintln(c.stdout, "      "+c.Catalog.Text(c.Lang, "CliRuleLine",
					map[string]any{"Rule": c.Catalog.Text(c.Lang, ruleID[u.Rule], nil), "Message": u.Message}))
			}
		}
		if len(t.Next) > 0 {
			c.say(c.stdout, "CliNextSteps")
			for i, s := range t.Next {
				fmt.Fprintf(c.stdout, "  %d. %s — %s\n", i+1, s.Outcome, s.Message)
			}
		}
		fmt.Fprintln(c.stdout)
	}
}
