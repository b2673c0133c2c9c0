package comment

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"passerelle/plar"
	"passerelle/portfolio"
)

// item is the key of an anchor's item among fingerprints: a rule of a claim is about the claim.
func (a Anchor) item() string {
	kind := a.Kind
	if kind == OnClaimRule {
		kind = OnClaim
	}
	return fmt.Sprintf("%s:%d", kind, a.ID)
}

// profileContent is the part of the profile every shared copy holds: never the contact
// details (a copy may leave them out) nor the self-identification.
type profileContent struct {
	DisplayName       string
	LegalName         string
	PreferredLanguage string
	Community         string
	Region            string
}

// credentialContent is what a coach sees of a microcredential that the learner can change: its
// fields and, for an imported one, what the credential says and which file it came from. Not
// the verification: a shared copy masks the learner's address in it, and checking again only
// changes its date; nor ids and timestamps, which differ between the two files.
type credentialContent struct {
	TitleEN, TitleFR, Issuer, IssuedOn, ExpiresOn  string
	Competencies                                   []string
	AssessmentMethod                               string
	Hours                                          float64
	CreditValue, Verification                      string
	Format, IssuerID, DescriptionEN, DescriptionFR string
	Criteria                                       string
	Alignments                                     []portfolio.Alignment
	Original                                       string
}

func credentialContentOf(c portfolio.Credential) credentialContent {
	out := credentialContent{TitleEN: c.TitleEN, TitleFR: c.TitleFR, Issuer: c.Issuer, IssuedOn: c.IssuedOn,
		ExpiresOn: c.ExpiresOn, Competencies: c.Competencies, AssessmentMethod: c.AssessmentMethod, Hours: c.Hours,
		CreditValue: c.CreditValue, Verification: c.Verification}
	if im := c.Import; im != nil {
		out.Format, out.IssuerID, out.DescriptionEN, out.DescriptionFR = im.Format, im.IssuerID, im.DescriptionEN, im.DescriptionFR
		out.Criteria, out.Alignments, out.Original = im.Criteria, im.Alignments, im.SHA256
	}
	return out
}

// fingerprints is the SHA-256 of the shared content of every item that can carry a comment,
// by item key, read the same way from a learner's file and from a shared copy, so an item the
// learner has not touched since sharing has the same fingerprint on both sides.
func fingerprints(ctx context.Context, st *portfolio.Store) (map[string]string, error) {
	out := map[string]string{}
	put := func(kind string, id int64, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("fingerprint: %w", err)
		}
		sum := sha256.Sum256(append([]byte(kind+"\x00"), b...))
		out[fmt.Sprintf("%s:%d", kind, id)] = hex.EncodeToString(sum[:])
		return nil
	}
	l, err := st.Learner(ctx)
	if err != nil {
		return nil, err
	}
	if err := put(OnProfile, 0, profileContent{l.DisplayName, l.LegalName, l.PreferredLanguage, l.Community, l.Region}); err != nil {
		return nil, err
	}
	err = st.Read(ctx, func(r portfolio.Reader) error {
		exps, err := r.Experiences()
		if err != nil {
			return err
		}
		for _, e := range exps {
			if err := put(OnExperience, e.ID, e); err != nil {
				return err
			}
		}
		creds, err := r.Credentials()
		if err != nil {
			return err
		}
		for _, c := range creds {
			if err := put(OnCredential, c.ID, credentialContentOf(c)); err != nil {
				return err
			}
		}
		evidence, err := r.EvidenceList()
		if err != nil {
			return err
		}
		for _, e := range evidence {
			if err := put(OnEvidence, e.ID, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ps := plar.NewStore(st)
	targets, err := ps.Targets(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		claims, err := ps.Claims(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range claims {
			if err := put(OnClaim, c.ID, c); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
