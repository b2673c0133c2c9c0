package portfolio

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"passerelle/fault"
)

// ImportedItem is one microcredential an import wrote, and whether it was already there.
type ImportedItem struct {
	Credential Credential `json:"credential"`
	Updated    bool       `json:"updated"`
}

// PrepareCredentialFile checks a digital credential file and makes its display copy, outside
// any transaction, so ImportCredentials can keep it as evidence of kind Certificate; mediaType
// is what the credential reader found it to be (JSON and JWT have no picture to sniff), and
// title, when not "", names the file in the evidence (a learner record's own name).
func PrepareCredentialFile(name string, data []byte, mediaType, title string) (PreparedEvidence, error) {
	p, err := PrepareEvidence(NewEvidence{Name: name, Data: data})
	if err != nil {
		return PreparedEvidence{}, err
	}
	if mediaType != "" {
		p.info.MediaType = mediaType
	}
	if t, err := cleanText("titleEn", title, MaxShortText); err == nil && t != "" {
		p.title = t
	}
	p.kind = string(EvidenceCertificate)
	return p, nil
}

// statedFacts are the microcredential fields a credential stated, kept as imported.
type statedFacts struct {
	TitleEN      string   `json:"titleEn,omitempty"`
	TitleFR      string   `json:"titleFr,omitempty"`
	Issuer       string   `json:"issuer,omitempty"`
	IssuedOn     string   `json:"issuedOn,omitempty"`
	ExpiresOn    string   `json:"expiresOn,omitempty"`
	Competencies []string `json:"competencies,omitempty"`
	Hours        float64  `json:"hours,omitempty"`
	CreditValue  string   `json:"creditValue,omitempty"`
}

func statedOf(c Credential) statedFacts {
	return statedFacts{TitleEN: c.TitleEN, TitleFR: c.TitleFR, Issuer: c.Issuer, IssuedOn: c.IssuedOn,
		ExpiresOn: c.ExpiresOn, Competencies: c.Competencies, Hours: c.Hours, CreditValue: c.CreditValue}
}

// fixed names the fields a credential stated, in the form's order.
func (f statedFacts) fixed() []string {
	out := []string{}
	for _, x := range []struct {
		name string
		set  bool
	}{
		{"titleEn", f.TitleEN != ""}, {"titleFr", f.TitleFR != ""}, {"issuer", f.Issuer != ""},
		// The dates are stated together: a credential that gives no expiry states that it has none.
		{"issuedOn", f.IssuedOn != ""}, {"expiresOn", f.IssuedOn != ""},
		{"competencies", len(f.Competencies) > 0}, {"hours", f.Hours != 0}, {"creditValue", f.CreditValue != ""},
	} {
		if x.set {
			out = append(out, x.name)
		}
	}
	return out
}

// only keeps the facts named (JSON names), for an import that filled some fields itself (a
// hosted badge that names no issuer gets its host, which the learner may correct).
func (f statedFacts) only(names []string) statedFacts {
	var out statedFacts
	for _, n := range names {
		switch n {
		case "titleEn":
			out.TitleEN = f.TitleEN
		case "titleFr":
			out.TitleFR = f.TitleFR
		case "issuer":
			out.Issuer = f.Issuer
		case "issuedOn":
			out.IssuedOn = f.IssuedOn
		case "expiresOn":
			out.ExpiresOn = f.ExpiresOn
		case "competencies":
			out.Competencies = f.Competencies
		case "hours":
			out.Hours = f.Hours
		case "creditValue":
			out.CreditValue = f.CreditValue
		}
	}
	return out
}

// keep puts back into c what the credential stated, so an edit changes only the other fields.
func (f statedFacts) keep(c Credential) Credential {
	if f.TitleEN != "" {
		c.TitleEN = f.TitleEN
	}
	if f.TitleFR != "" {
		c.TitleFR = f.TitleFR
	}
	if f.Issuer != "" {
		c.Issuer = f.Issuer
	}
	if f.IssuedOn != "" {
		c.IssuedOn = f.IssuedOn
	}
	if f.IssuedOn != "" {
		c.ExpiresOn = f.ExpiresOn
	}
	if len(f.Competencies) > 0 {
		c.Competencies = f.Competencies
	}
	if f.Hours != 0 {
		c.Hours = f.Hours
	}
	if f.CreditValue != "" {
		c.CreditValue = f.CreditValue
	}
	return c
}

// ImportCredentials stores what one credential file holds, in one transaction: the file as
// evidence of kind Certificate (kept once, by SHA-256) and one microcredential per item, each
// linked to it. An item whose Import.Key is already in the portfolio updates that
// microcredential — what the credential states and the verification — and keeps what the
// learner added (a French title, the assessment method, links to claims); the new file becomes
// its one original (the earlier one is deleted when nothing else uses it). A copy whose
// signature fails never updates one whose signature passed (ErrCredentialTamperedKept). Any
// invalid item refuses the whole file and nothing is written.
func (s *Store) ImportCredentials(ctx context.Context, file PreparedEvidence, items []Credential) ([]ImportedItem, error) {
	if file.sum == "" {
		return nil, errors.New("import credentials: file was not prepared")
	}
	if len(items) == 0 {
		return nil, fault.New(fault.Invalid, "", "ErrCredentialFileEmpty", "Name", file.name)
	}
	today := s.now().Format("2006-01-02")
	clean := make([]Credential, len(items))
	for i, c := range items {
		if c.Import == nil || strings.TrimSpace(c.Import.Key) == "" {
			return nil, errors.New("import credentials: an item has no import key")
		}
		var err error
		if clean[i], err = cleanCredential(c, today); err != nil {
			return nil, err
		}
		im := *c.Import
		if im, err = cleanImport(im); err != nil {
			return nil, err
		}
		clean[i].Import = &im
	}
	now := s.stamp()
	out := make([]ImportedItem, 0, len(clean))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		evidenceID, err := s.keepCredentialFile(ctx, tx, file, clean[0])
		if err != nil {
			return err
		}
		for _, c := range clean {
			item, err := importOne(ctx, tx, c, evidenceID, file.name, now)
			if err != nil {
				return err
			}
			out = append(out, item)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// keepCredentialFile stores the original file as evidence once: a file already in the library
// (the same bytes added before) is reused as the learner described it.
func (s *Store) keepCredentialFile(ctx context.Context, tx *sql.Tx, p PreparedEvidence, first Credential) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM evidence WHERE sha256 = ?`, p.sum).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("look for credential file: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, p.sum, p.sizeBytes, p.data); err != nil {
		return 0, fmt.Errorf("store credential file: %w", err)
	}
	if p.preview != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO preview (sha256, width, height, data, print)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`, p.sum, p.previewW, p.previewH, p.preview,
			p.print); err != nil {
			return 0, fmt.Errorf("store credential preview: %w", err)
		}
	}
	// The issuer vouches for the file: it is named as the verifier, its id as the contact, so
	// the evidence index tells an assessor whom to ask.
	// A learner record holds several achievements: its file is named for the file, not one of them.
	titleEN, titleFR := first.TitleEN, first.TitleFR
	if first.Import.Group != "" || (titleEN == "" && titleFR == "") {
		titleEN, titleFR = p.title, ""
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO evidence (sha256, media_type, original_name, title_en, title_fr,
		kind, date, verifier_name, verifier_contact, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.sum, p.info.MediaType, p.name, titleEN, titleFR, string(EvidenceCertificate), first.IssuedOn,
		first.Issuer, first.Import.IssuerID, s.stamp())
	if err != nil {
		return 0, fmt.Errorf("add credential file: %w", err)
	}
	return res.LastInsertId()
}

func importOne(ctx context.Context, tx *sql.Tx, c Credential, evidenceID int64, fileName, now string) (ImportedItem, error) {
	im := c.Import
	facts := statedOf(c)
	if im.Fixed != nil {
		facts = facts.only(im.Fixed)
	}
	stated, err := json.Marshal(facts)
	if err != nil {
		return ImportedItem{}, fmt.Errorf("encode stated facts: %w", err)
	}
	aligns, err := json.Marshal(im.Alignments)
	if err != nil {
		return ImportedItem{}, fmt.Errorf("encode alignments: %w", err)
	}
	verif, err := json.Marshal(im.Verification)
	if err != nil {
		return ImportedItem{}, fmt.Errorf("encode verification: %w", err)
	}
	comps, err := json.Marshal(c.Competencies)
	if err != nil {
		return ImportedItem{}, fmt.Errorf("encode competencies: %w", err)
	}
	var existing int64
	var before string
	var previous sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT credential_id, verification, evidence_id FROM credential_import
		WHERE import_key = ?`, im.Key).Scan(&existing, &before, &previous)
	updated := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return ImportedItem{}, fmt.Errorf("look for imported credential: %w", err)
	}
	if updated && signatureOf(before) == CheckPassed && signatureState(im.Verification) == CheckFailed {
		// A copy changed after it was signed never replaces the one whose signature held.
		return ImportedItem{}, fault.New(fault.Conflict, "", "ErrCredentialTamperedKept", "Name", fileName)
	}
	if updated {
		// What the credential states is written again; what the learner added where it states
		// nothing (a French title, hours, the assessment method) stays.
		c.ID = existing
		if _, err := tx.ExecContext(ctx, `UPDATE credential SET
			title_en = CASE WHEN ? <> '' THEN ? ELSE title_en END,
			title_fr = CASE WHEN ? <> '' THEN ? ELSE title_fr END,
			issuer = ?, issued_on = ?, expires_on = ?,
			competencies = CASE WHEN ? <> '[]' THEN ? ELSE competencies END,
			hours = CASE WHEN ? <> 0 THEN ? ELSE hours END,
			credit_value = CASE WHEN ? <> '' THEN ? ELSE credit_value END,
			updated_at = ? WHERE id = ?`,
			c.TitleEN, c.TitleEN, c.TitleFR, c.TitleFR, c.Issuer, c.IssuedOn, c.ExpiresOn,
			string(comps), string(comps), c.Hours, c.Hours, c.CreditValue, c.CreditValue, now, c.ID); err != nil {
			return ImportedItem{}, fmt.Errorf("update imported credential: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE credential_import SET format = ?, group_key = ?, issuer_id = ?,
			description_en = ?, description_fr = ?, criteria = ?, alignments = ?, stated = ?, verification = ?,
			checked_at = ?, evidence_id = ?, imported_at = ? WHERE credential_id = ?`,
			im.Format, im.Group, im.IssuerID, im.DescriptionEN, im.DescriptionFR, im.Criteria, string(aligns),
			string(stated), string(verif), im.Verification.CheckedAt, evidenceID, now, c.ID); err != nil {
			return ImportedItem{}, fmt.Errorf("update import: %w", err)
		}
	} else {
		res, err := tx.ExecContext(ctx, `INSERT INTO credential (title_en, title_fr, issuer, issued_on,
			expires_on, competencies, assessment_method, hours, credit_value, verification, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.TitleEN, c.TitleFR, c.Issuer, c.IssuedOn,
			c.ExpiresOn, string(comps), c.AssessmentMethod, c.Hours, c.CreditValue, c.Verification, now, now)
		if err != nil {
			return ImportedItem{}, fmt.Errorf("add imported credential: %w", err)
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return ImportedItem{}, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO credential_import (credential_id, format, import_key,
			group_key, issuer_id, description_en, description_fr, criteria, alignments, stated, verification,
			checked_at, evidence_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, im.Format, im.Key, im.Group, im.IssuerID, im.DescriptionEN, im.DescriptionFR, im.Criteria,
			string(aligns), string(stated), string(verif), im.Verification.CheckedAt, evidenceID, now); err != nil {
			return ImportedItem{}, fmt.Errorf("add import: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO evidence_credential (evidence_id, credential_id) VALUES (?, ?)
		ON CONFLICT DO NOTHING`, evidenceID, c.ID); err != nil {
		return ImportedItem{}, fmt.Errorf("link credential file: %w", err)
	}
	if previous.Valid && previous.Int64 != evidenceID {
		if err := dropPreviousOriginal(ctx, tx, previous.Int64, c.ID); err != nil {
			return ImportedItem{}, err
		}
	}
	stored, err := scanCredential(tx.QueryRowContext(ctx, credentialSelect+` WHERE id = ?`, c.ID))
	if err != nil {
		return ImportedItem{}, fmt.Errorf("read imported credential: %w", err)
	}
	imports, err := readImports(ctx, tx, c.ID)
	if err != nil {
		return ImportedItem{}, err
	}
	stored.Import = imports[c.ID]
	return ImportedItem{Credential: stored, Updated: updated}, nil
}

// cleanImport validates what a credential says beyond the microcredential's own fields.
func cleanImport(im CredentialImport) (CredentialImport, error) {
	var err error
	for _, f := range []struct {
		field string
		v     *string
		max   int
	}{
		{"format", &im.Format, MaxShortText}, {"issuerId", &im.IssuerID, MaxLongText},
		{"descriptionEn", &im.DescriptionEN, MaxLongText}, {"descriptionFr", &im.DescriptionFR, MaxLongText},
		{"criteria", &im.Criteria, MaxLongText},
	} {
		if *f.v, err = cleanText(f.field, *f.v, f.max); err != nil {
			return im, err
		}
	}
	if im.Alignments == nil {
		im.Alignments = []Alignment{}
	}
	if len(im.Alignments) > MaxTags {
		return im, fault.New(fault.Invalid, "alignments", "ErrTooManyTags", "Max", MaxTags)
	}
	for i, a := range im.Alignments {
		for _, v := range []*string{&a.Framework, &a.Code, &a.Name, &a.URL} {
			if *v, err = cleanText("alignments", *v, MaxShortText); err != nil {
				return im, err
			}
		}
		im.Alignments[i] = a
	}
	if im.Verification.Checks == nil {
		im.Verification.Checks = []VerificationCheck{}
	}
	return im, nil
}

// SetVerification records a new verification of the imported microcredentials whose keys are
// given (all the achievements of one file are checked again together), in one transaction.
func (s *Store) SetVerification(ctx context.Context, byKey map[string]Verification) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for key, v := range byKey {
			if v.Checks == nil {
				v.Checks = []VerificationCheck{}
			}
			body, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("encode verification: %w", err)
			}
			res, err := tx.ExecContext(ctx, `UPDATE credential_import SET verification = ?, checked_at = ?
				WHERE import_key = ?`, string(body), v.CheckedAt, key)
			if err != nil {
				return fmt.Errorf("record verification: %w", err)
			}
			if err := mustAffect(res, "ErrCredentialNotFound"); err != nil {
				return err
			}
		}
		return nil
	})
}

// CredentialOriginal returns the original file an imported microcredential came from, with its
// name, so it can be verified again; a hand-typed microcredential, or one whose file the
// learner deleted, has none.
func (s *Store) CredentialOriginal(ctx context.Context, credentialID int64) (name string, data []byte, err error) {
	var found sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT evidence_id FROM credential_import WHERE credential_id = ?`,
		credentialID).Scan(&found)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, fault.New(fault.NotFound, "", "ErrCredentialNotImported")
	}
	if err != nil {
		return "", nil, classify(fmt.Errorf("find credential file: %w", err))
	}
	if !found.Valid {
		return "", nil, fault.New(fault.NotFound, "", "ErrCredentialOriginalDeleted")
	}
	err = s.db.QueryRowContext(ctx, `SELECT e.original_name, b.data FROM evidence e
		JOIN blob b ON b.sha256 = e.sha256 WHERE e.id = ?`, found.Int64).Scan(&name, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, fault.New(fault.NotFound, "", "ErrCredentialOriginalDeleted")
	}
	if err != nil {
		return "", nil, classify(fmt.Errorf("read credential file: %w", err))
	}
	return name, data, nil
}

// readImports reads the import of the given microcredentials, or of all when none is given.
func readImports(ctx context.Context, q queryer, ids ...int64) (map[int64]*CredentialImport, error) {
	query := `SELECT i.credential_id, i.format, i.import_key, i.group_key, i.issuer_id, i.description_en,
		i.description_fr, i.criteria, i.alignments, i.stated, i.verification, COALESCE(i.evidence_id, 0),
		COALESCE(e.sha256, ''), i.imported_at
		FROM credential_import i LEFT JOIN evidence e ON e.id = i.evidence_id`
	var args []any
	if len(ids) == 1 {
		query += ` WHERE i.credential_id = ?`
		args = append(args, ids[0])
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("list credential imports: %w", err))
	}
	defer rows.Close()
	out := map[int64]*CredentialImport{}
	for rows.Next() {
		var id int64
		var im CredentialImport
		var aligns, stated, verif string
		if err := rows.Scan(&id, &im.Format, &im.Key, &im.Group, &im.IssuerID, &im.DescriptionEN,
			&im.DescriptionFR, &im.Criteria, &aligns, &stated, &verif, &im.EvidenceID, &im.SHA256,
			&im.ImportedAt); err != nil {
			return nil, fmt.Errorf("read credential import: %w", err)
		}
		var f statedFacts
		for _, x := range []struct {
			body string
			v    any
		}{{aligns, &im.Alignments}, {stated, &f}, {verif, &im.Verification}} {
			if err := json.Unmarshal([]byte(x.body), x.v); err != nil {
				return nil, fmt.Errorf("decode import of credential %d: %w", id, err)
			}
		}
		if im.Alignments == nil {
			im.Alignments = []Alignment{}
		}
		if im.Verification.Checks == nil {
			im.Verification.Checks = []VerificationCheck{}
		}
		im.Fixed = f.fixed()
		out[id] = &im
	}
	return out, rows.Err()
}

// statedFor reads what the credential stated for an imported microcredential; ok is false for
// one typed in by hand.
func statedFor(ctx context.Context, tx *sql.Tx, id int64) (f statedFacts, ok bool, err error) {
	var body string
	err = tx.QueryRowContext(ctx, `SELECT stated FROM credential_import WHERE credential_id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("read stated facts: %w", err)
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		return f, false, fmt.Errorf("decode stated facts: %w", err)
	}
	return f, true, nil
}

// signatureState is the state of the signature checks of a verification: failed when any
// failed, passed when there are some and all passed, "" otherwise.
func signatureState(v Verification) VerificationState {
	state := VerificationState("")
	for _, ch := range v.Checks {
		if ch.Check != CheckSignature {
			continue
		}
		switch {
		case ch.State == CheckFailed:
			return CheckFailed
		case ch.State == CheckPassed && state == "":
			state = CheckPassed
		case ch.State != CheckPassed:
			state = ch.State
		}
	}
	return state
}

// signatureOf is signatureState of a stored verification; one that cannot be read has none.
func signatureOf(stored string) VerificationState {
	var v Verification
	if json.Unmarshal([]byte(stored), &v) != nil {
		return ""
	}
	return signatureState(v)
}

// dropPreviousOriginal unlinks from a microcredential updated by a new file the original it was
// imported from before, so it keeps one original (the new one). That earlier file is deleted
// when nothing else uses it: no other microcredential, experience or claim links it and no
// other import names it as its original. A file the learner also linked elsewhere stays.
func dropPreviousOriginal(ctx context.Context, tx *sql.Tx, evidenceID, credentialID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM evidence_credential WHERE evidence_id = ? AND credential_id = ?`,
		evidenceID, credentialID); err != nil {
		return fmt.Errorf("unlink previous credential file: %w", err)
	}
	var used bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM evidence_credential WHERE evidence_id = ?1)
		OR EXISTS (SELECT 1 FROM evidence_experience WHERE evidence_id = ?1)
		OR EXISTS (SELECT 1 FROM claim_evidence WHERE evidence_id = ?1)
		OR EXISTS (SELECT 1 FROM credential_import WHERE evidence_id = ?1)`, evidenceID).Scan(&used)
	if err != nil {
		return fmt.Errorf("look for uses of previous credential file: %w", err)
	}
	if used {
		return nil
	}
	var sum string
	if err := tx.QueryRowContext(ctx, `SELECT sha256 FROM evidence WHERE id = ?`, evidenceID).Scan(&sum); err != nil {
		return fmt.Errorf("find previous credential file: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = ?`, evidenceID); err != nil {
		return fmt.Errorf("delete previous credential file: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM blob WHERE sha256 = ?1
		AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?1)`, sum); err != nil {
		return fmt.Errorf("delete previous credential file: %w", err)
	}
	return nil
}
