// Command winres writes the Windows resources of passerelle.exe — its icon, its version
// information in English and French, and an application manifest — as a COFF object that
// `go build` links in, so the program shows Passerelle's icon and version in Explorer, the
// taskbar and "Apps & features", runs without asking for administrator rights, and draws
// sharply on high-DPI screens (the manifest Wails' own build would add).
//
//	go run ./build/windows/winres -version V -icon build/appicon.png -out rsrc_windows_amd64.syso
//	go run ./build/windows/winres -check passerelle.exe -version V
//
// -check reads the resources back from a built passerelle.exe and fails when the icon, the
// version or the manifest is missing, so a build that lost them does not ship.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	_ "image/png" // the icon is a PNG
	"io"
	"os"
	"regexp"
	"strconv"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// The language IDs of the version strings: Windows shows the one that matches its display
// language, so a French Windows says « Passerelle — portfolio de RAC ».
const (
	langEnglishCanada = 0x1009
	langFrenchCanada  = 0x0c0c
)

// iconSizes are the sizes Explorer and the taskbar ask for, at 100 % to 200 % scaling.
var iconSizes = []int{256, 64, 48, 32, 24, 16}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("winres", flag.ContinueOnError)
	ver := fs.String("version", "", "the version scripts/version.sh prints")
	iconPath := fs.String("icon", "build/appicon.png", "square PNG icon")
	out := fs.String("out", "rsrc_windows_amd64.syso", "object file to write")
	check := fs.String("check", "", "a built passerelle.exe to check instead of writing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *ver == "" {
		return errors.New("-version is required")
	}
	if *check != "" {
		return checkEXE(*check, *ver, stdout)
	}
	rs, err := resources(*iconPath, *ver)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rs.WriteObject(&buf, winres.ArchAMD64); err != nil {
		return fmt.Errorf("write object: %w", err)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, *out)
}

// resources builds the icon group, the version information and the manifest.
func resources(iconPath, ver string) (*winres.ResourceSet, error) {
	f, err := os.Open(iconPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", iconPath, err)
	}
	icon, err := winres.NewIconFromResizedImage(img, iconSizes)
	if err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}
	rs := &winres.ResourceSet{}
	if err := rs.SetIcon(winres.Name("APPICON"), icon); err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}

	numbers := versionNumbers(ver)
	vi := version.Info{FileVersion: numbers, ProductVersion: numbers}
	for _, l := range []struct {
		id          uint16
		description string
	}{
		{langEnglishCanada, "Passerelle — PLAR portfolio"},
		{langFrenchCanada, "Passerelle — portfolio de RAC"},
	} {
		for k, v := range map[string]string{
			version.ProductName:      "Passerelle",
			version.FileDescription:  l.description,
			version.ProductVersion:   ver,
			version.FileVersion:      ver,
			version.InternalName:     "passerelle",
			version.OriginalFilename: "passerelle.exe",
		} {
			if err := vi.Set(l.id, k, v); err != nil {
				return nil, fmt.Errorf("version %s: %w", k, err)
			}
		}
	}
	rs.SetVersionInfo(vi)

	rs.SetManifest(winres.AppManifest{
		Identity:            winres.AssemblyIdentity{Name: "ca.passerelle.app", Version: numbers},
		Description:         "Passerelle",
		Compatibility:       winres.Win10AndAbove,
		ExecutionLevel:      winres.AsInvoker, // installed per user: never ask for administrator rights
		DPIAwareness:        winres.DPIPerMonitorV2,
		LongPathAware:       true,
		UseCommonControlsV6: true,
	})
	return rs, nil
}

var leadingNumbers = regexp.MustCompile(`^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-(\d+)-g)?`)

// versionNumbers turns v1.2.3-4-gabc1234 into 1.2.3.4: Windows keeps four numbers, and a build
// with no release tag yet (abc1234, 0.0.0-unknown) is 0.0.0.0.
func versionNumbers(v string) [4]uint16 {
	var out [4]uint16
	m := leadingNumbers.FindStringSubmatch(v)
	if m == nil {
		return out
	}
	for i := range out {
		if n, err := strconv.ParseUint(m[i+1], 10, 16); err == nil {
			out[i] = uint16(n)
		}
	}
	return out
}

// checkEXE fails unless exe carries the icon, the manifest and version information naming ver.
func checkEXE(exe, ver string, stdout io.Writer) error {
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	rs, err := winres.LoadFromEXE(f)
	if err != nil {
		return fmt.Errorf("%s: no resources: %w", exe, err)
	}
	if _, err := rs.GetIcon(winres.Name("APPICON")); err != nil {
		return fmt.Errorf("%s: no icon: %w", exe, err)
	}
	var manifest []byte
	versions := map[uint16][]byte{}
	rs.Walk(func(typeID, _ winres.Identifier, lang uint16, data []byte) bool {
		switch typeID {
		case winres.RT_MANIFEST:
			manifest = data
		case winres.RT_VERSION:
			versions[lang] = data
		}
		return true
	})
	if !bytes.Contains(manifest, []byte("asInvoker")) || !bytes.Contains(manifest, []byte("permonitorv2")) {
		return fmt.Errorf("%s: the manifest is missing or does not say asInvoker and PerMonitorV2", exe)
	}
	for _, lang := range []uint16{langEnglishCanada, langFrenchCanada} {
		vi, err := version.FromBytes(versions[lang])
		if err != nil {
			return fmt.Errorf("%s: no version information in language %#x: %w", exe, lang, err)
		}
		j, err := vi.MarshalJSON()
		if err != nil {
			return err
		}
		var parsed struct {
			Info map[string]map[string]string `json:"info"`
		}
		if err := json.Unmarshal(j, &parsed); err != nil {
			return err
		}
		if got := parsed.Info[fmt.Sprintf("%04X", lang)][version.ProductVersion]; got != ver {
			return fmt.Errorf("%s: ProductVersion (language %#x) is %q, want %q", exe, lang, got, ver)
		}
	}
	fmt.Fprintf(stdout, "%s: icon, manifest (asInvoker, PerMonitorV2) and version %s in English and French\n", exe, ver)
	return nil
}
