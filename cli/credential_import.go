package cli

import (
	"context"
	"flag"
	"strings"

	"passerelle/intake"
	"passerelle/portfolio"
)

// credentialImport brings digital credentials (baked PNG or SVG badges, JSON, JWT) into a
// portfolio, verifying each offline, and says per file what happened: imported, updated or
// refused with the reason. It exits 0 when every file came in, 1 when one was refused.
func (c cli) credentialImport(ctx context.Context, args []string) int {
	var path string
	files, code, ok := c.parse("credential import", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
	})
	if !ok {
		return code
	}
	first := ""
	if len(files) > 0 {
		first = files[0]
	}
	if err := missing([2]string{"--portfolio", path}, [2]string{"CREDENTIAL", first}); err != nil {
		return c.usage("credential import", err)
	}
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	status := 0
	for _, r := range intake.New(st, intake.Offline()).ImportPaths(ctx, files) {
		if r.Err != nil {
			c.fail(r.Err)
			c.say(c.stderr, "CliCredentialRefused", "Name", r.Name)
			status = 1
			continue
		}
		id := "CliCredentialImported"
		if r.Status == intake.StatusUpdated {
			id = "CliCredentialUpdated"
		}
		c.say(c.stdout, id, "Name", r.Name, "Count", len(r.Items))
		for _, it := range r.Items {
			c.say(c.stdout, "CliCredentialItem", "Title", credentialTitle(it.Credential, c.Lang), "Checks", c.checks(it.Credential))
		}
	}
	return status
}

// credentialTitle is a microcredential's title in the command's language when it has one.
func credentialTitle(cr portfolio.Credential, lang string) string {
	if lang == portfolio.French && cr.TitleFR != "" {
		return cr.TitleFR
	}
	if cr.TitleEN != "" {
		return cr.TitleEN
	}
	return cr.TitleFR
}

// checks is a microcredential's verification in one line of words: each check and its state.
func (c cli) checks(cr portfolio.Credential) string {
	if cr.Import == nil {
		return ""
	}
	var parts []string
	for _, ck := range cr.Import.Verification.Checks {
		name := c.Catalog.Text(c.Lang, "CredentialCheckName_"+ck.Check, nil)
		if ck.Scope == portfolio.ScopeRecord {
			name = c.Catalog.Text(c.Lang, "PdfLearnerRecord", nil) + " — " + name
		}
		parts = append(parts, c.Catalog.Text(c.Lang, "PdfCheckLine", map[string]any{"Check": name,
			"State": c.Catalog.Text(c.Lang, "CredentialState_"+ck.State, nil)}))
	}
	return strings.Join(parts, "; ")
}
