package portfolio

import (
	"passerelle/fault"
	"passerelle/osfile"
)

// replaceFile renames from to to, waiting a little while Windows says another program holds
// one of them (osfile.Rename); held for longer, it is ErrPortfolioBusy. The caller has
// closed both.
func replaceFile(from, to string) error { return busy(osfile.Rename(from, to)) }

// removeFile removes p like replaceFile; a file already gone is not an error.
func removeFile(p string) error { return busy(osfile.Remove(p)) }

func busy(err error) error {
	if err != nil && osfile.Held(err) {
		return fault.Wrap(fault.New(fault.Locked, "", "ErrPortfolioBusy"), err)
	}
	return err
}
