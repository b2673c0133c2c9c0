package intake

import (
	"context"
	"time"

	"passerelle/credential"
)

// Offline is the checker the window and the headless command use: the credential package's
// reader and its offline verifier, which never contacts an issuer's server.
func Offline() Checker {
	return Checker{
		Read: credential.Read,
		Verify: func(ctx context.Context, c *credential.Credential, now time.Time, emails []string) credential.Result {
			return credential.Verify(ctx, c, credential.Options{Now: now, Emails: emails})
		},
	}
}
