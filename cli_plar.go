package main

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
	if len(args) == 0 || args[0] != "import" {
		c.say(c.stderr, "CliBadArguments", "Command", "target", "Detail", fmt.Sprint(args))
		return 2
	}
	var path, name string
	fs := flag.NewFlagSet("target import", flag.ContinueOnError)
	if !c.parse(fs, args[1:], func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&name, "target", "", "")
	}) {
		return 2
	}
	for flagName, v := range map[string]string{"--portfolio": path, "--target": name} {
		if v == "" {
			c.say(c.stderr, "CliMissingFlag", "Command", "target import", "Flag", flagName)
			return 2
		}
	}
	if fs.NArg() != 1 {
		c.say(c.stderr, "CliMissingFlag", "Command", "target import", "Flag", "OUTCOMES.csv|.json")
		return 2
	}
	file := fs.Arg(0)
	outcomes, err := plar.ReadOutcomesFile(file)
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
	fs := flag.NewFlagSet("readiness", flag.ContinueOnError)
	if !c.parse(fs, args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&name, "target", "", "")
		fs.BoolVar(&asJSON, "json", false, "")
	}) {
		return 2
	}
	if path == "" || fs.NArg() > 0 {
		c.say(c.stderr, "CliMissingFlag", "Command", "readiness", "Flag", "--portfolio")
		return 2
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
		return c.fail(fault.New(fault.NotFound, "", "ErrTargetNotFound"))
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
						Message: c.catalog.Text(c.lang, s.MessageID, s.Args)})
				}
			}
		}
		tr.Outcomes = append(tr.Outcomes, or)
	}
	for _, td := range r.ToDo {
		tr.Next = append(tr.Next, stepReport{Outcome: td.OutcomeCode, MessageID: td.Step.MessageID,
			Message: c.catalog.Text(c.lang, td.Step.MessageID, td.Step.Args)})
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
			fmt.Fprintf(c.stdout, "  %-12s %s\n", o.Code, c.catalog.Text(c.lang, statusID[o.Status], nil))
			for _, u := range o.Unmet {
				fmt.Fprintf(c.stdout, "      %s: %s\n", c.catalog.Text(c.lang, ruleID[u.Rule], nil), u.Message)
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
