package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"passerelle/credential"
	"passerelle/fault"
	"passerelle/portfolio"
)

// credentialVerify reads a credential file and prints what could be checked offline: exit 0
// when no check failed, 1 when one did, 2 when the file holds no credential or the arguments
// are wrong.
func (c cli) credentialVerify(ctx context.Context, args []string) int {
	var asJSON bool
	var o credential.Options
	files, code, ok := c.parse("credential verify", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "")
		fs.Func("email", "", func(s string) error { o.Emails = append(o.Emails, s); return nil })
		fs.Func("status-list", "", func(s string) error { o.StatusLists = append(o.StatusLists, []byte(s)); return nil })
		fs.Func("key", "", func(s string) error { o.Keys = append(o.Keys, []byte(s)); return nil })
	})
	if !ok {
		return code
	}
	file := ""
	if len(files) > 0 {
		file, files = files[0], files[1:]
	}
	if err := firstError(notUnderstood(files), missing([2]string{"CREDENTIAL", file})); err != nil {
		return c.usage("credential verify", err)
	}
	// The status lists and keys were given as paths: read them now.
	for _, list := range []*[][]byte{&o.StatusLists, &o.Keys} {
		for i, p := range *list {
			b, err := readCredentialFile(string(p))
			if e, ok := fault.As(err); ok {
				fmt.Fprintln(c.stderr, c.Catalog.Text(c.Lang, e.MessageID, e.Args))
				return 2
			}
			if err != nil {
				c.say(c.stderr, "CliFileNotFound", "Path", string(p))
				return 2
			}
			(*list)[i] = b
		}
	}
	data, err := readCredentialFile(file)
	if err != nil {
		if e, ok := fault.As(err); ok {
			e.Args["Name"] = filepath.Base(file)
			fmt.Fprintln(c.stderr, c.Catalog.Text(c.Lang, e.MessageID, e.Args))
			return 2
		}
		c.say(c.stderr, "CliFileNotFound", "Path", file)
		return 2
	}
	cred, err := credential.Read(filepath.Base(file), data)
	if err != nil {
		if e, ok := fault.As(err); ok {
			fmt.Fprintln(c.stderr, c.Catalog.Text(c.Lang, e.MessageID, e.Args))
			return 2
		}
		return c.fail(err)
	}
	o.Now = c.Now()
	r := credential.Verify(ctx, cred, o)
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(c.credentialReport(cred, r)); err != nil {
			return c.fail(err)
		}
	} else {
		c.printCredential(cred, r)
	}
	if r.Failed() {
		return 1
	}
	return 0
}

// readCredentialFile reads at most MaxFileSize+1 bytes, so a huge file is refused by Read
// without being loaded whole.
func readCredentialFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fault.New(fault.Unsupported, "file", "ErrPathIsFolder", "Name", filepath.Base(path))
	}
	data, err := io.ReadAll(io.LimitReader(f, credential.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > credential.MaxFileSize {
		return nil, fault.New(fault.TooLarge, "file", "CredentialTooLarge", "MaxMB", credential.MaxFileSize>>20, "Name", filepath.Base(path))
	}
	return data, nil
}

// checkWords says one check in the user's language: its name, its state and what it found.
func (c cli) checkWords(ch credential.Check) (name, state, detail string) {
	args := map[string]any{}
	for k, v := range ch.Args {
		args[k] = v
	}
	return c.Catalog.Text(c.Lang, "CredentialCheckName_"+string(ch.Check), nil),
		c.Catalog.Text(c.Lang, "CredentialState_"+string(ch.State), nil),
		c.Catalog.Text(c.Lang, ch.MessageID(), args)
}

// printCredential prints the result in words: each check with its state spelled out, the
// nested credentials of a CLR each under its name, and when it was checked.
func (c cli) printCredential(cred *credential.Credential, r credential.Result) {
	name := cred.Name
	if len(cred.Achievements) == 1 {
		name = c.achievementName(cred.Achievements[0], name)
	}
	c.say(c.stdout, "CliCredentialHeader", "Name", name, "Issuer", issuerWords(cred.Issuer), "Format", string(cred.Format))
	c.printChecks(r.Checks, "  ")
	for i, n := range r.Nested {
		name := ""
		if i < len(cred.Achievements) {
			name = c.achievementName(cred.Achievements[i], cred.Achievements[i].Name)
		}
		c.say(c.stdout, "CliCredentialNested", "Name", name)
		c.printChecks(n.Checks, "    ")
	}
	c.say(c.stdout, "CliCredentialCheckedOffline", "Date", r.CheckedAt.UTC().Format("2006-01-02 15:04 UTC"))
}

// achievementName is an achievement's name in the language the command speaks, when the
// credential gives it in that language, else fallback.
func (c cli) achievementName(a credential.Achievement, fallback string) string {
	if c.Lang == portfolio.French && a.NameFR != "" {
		return a.NameFR
	}
	if a.Name != "" {
		return a.Name
	}
	return fallback
}

func (c cli) printChecks(checks []credential.Check, indent string) {
	for _, ch := range checks {
		name, state, detail := c.checkWords(ch)
		c.say(c.stdout, "CliCredentialCheckLine", "Indent", indent, "Check", name, "State", state, "Detail", detail)
	}
}

// credentialJSON is the object `credential verify --json` prints (issue 11).
type credentialJSON struct {
	Format       credential.Format `json:"format"`
	Name         string            `json:"name"`
	Issuer       credential.Issuer `json:"issuer"`
	CheckedAt    string            `json:"checkedAt"`
	Contexts     *string           `json:"contexts"`
	Checks       []checkJSON       `json:"checks"`
	Achievements []achievementJSON `json:"achievements"`
}

type checkJSON struct {
	Check  credential.CheckName `json:"check"`
	State  credential.State     `json:"state"`
	Detail string               `json:"detail"`
}

type achievementJSON struct {
	Name         string   `json:"name"`
	Competencies []string `json:"competencies"`
}

// credentialReport builds the --json object. A CLR's nested credentials have their checks in
// the same list, each detail starting with the achievement's name, so the schema stays one.
func (c cli) credentialReport(cred *credential.Credential, r credential.Result) credentialJSON {
	out := credentialJSON{Format: cred.Format, Name: cred.Name, Issuer: cred.Issuer,
		CheckedAt: r.CheckedAt.Format(time.RFC3339), Checks: []checkJSON{}, Achievements: []achievementJSON{}}
	if r.Contexts != "" {
		out.Contexts = &r.Contexts
	}
	add := func(ch credential.Check, prefix string) {
		_, _, detail := c.checkWords(ch)
		if prefix != "" {
			detail = prefix + ": " + detail
		}
		out.Checks = append(out.Checks, checkJSON{Check: ch.Check, State: ch.State, Detail: detail})
	}
	for _, ch := range r.Checks {
		add(ch, "")
	}
	for i, n := range r.Nested {
		name := ""
		if i < len(cred.Achievements) {
			name = cred.Achievements[i].Name
		}
		for _, ch := range n.Checks {
			add(ch, name)
		}
	}
	for _, a := range cred.Achievements {
		comps := a.Competencies
		if comps == nil {
			comps = []string{}
		}
		out.Achievements = append(out.Achievements, achievementJSON{Name: a.Name, Competencies: comps})
	}
	return out
}

// issuerWords names the issuer by name, or by its identifier when it gives none.
func issuerWords(i credential.Issuer) string {
	if i.Name != "" {
		return i.Name
	}
	return i.ID
}
