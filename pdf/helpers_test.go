package pdf_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/pdf"
	"passerelle/pdf/pdftest"
)

// fixedDate is the SOURCE_DATE_EPOCH of every test export.
var fixedDate = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

// needTools skips the test (fails it under CI) when a checker is missing.
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	pdftest.NeedTools(t, tools...)
}

// run runs a checker and returns its standard output, failing the test on a non-zero exit.
func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String() + errOut.String()
}

// options are the test export options for one language, with the fixed test date.
func options(t testing.TB, lang pdf.Language) pdf.Options {
	t.Helper()
	opts, err := pdftest.Options(lang)
	if err != nil {
		t.Fatal(err)
	}
	opts.FixedDate = fixedDate
	return opts
}

// export writes doc in lang into a temporary folder and returns the file's path.
func export(t testing.TB, doc pdf.Document, opts pdf.Options) (string, pdf.Result) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "portfolio-"+string(opts.Language)+".pdf")
	res, err := pdf.WriteFile(context.Background(), doc, opts, path)
	if err != nil {
		t.Fatalf("export %s: %v", opts.Language, err)
	}
	return path, res
}

// text is the whole PDF as pdftotext extracts it, which is what screen readers and search see.
func text(t *testing.T, path string) string {
	t.Helper()
	return runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

// scratch is a folder shared by fixtures built once for the whole package run.
var scratch = sync.OnceValues(func() (string, error) { return os.MkdirTemp("", "passerelle-pdf-test-") })

func tempDir() (string, error) { return scratch() }

func TestMain(m *testing.M) {
	code := m.Run()
	if dir, err := scratch(); err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
