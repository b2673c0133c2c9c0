package portfolio

import (
	"context"
	"math/rand/v2"
	"runtime"
	"testing"
)

// allocated is how many bytes fn allocates on the Go heap.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestFileIntegrity_HashingAFileBorrowsItsSizeOnce(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	const size = 8 << 20
	data := make([]byte, size)
	rng := rand.New(rand.NewChaCha8([32]byte{1}))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	p, err := PrepareEvidence(NewEvidence{Name: "scan.bin", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddEvidence(ctx, p); err != nil {
		t.Fatal(err)
	}
	var intact map[string]bool
	n := allocated(func() { intact, err = st.FileIntegrity(ctx) })
	if err != nil || len(intact) != 1 || !intact[p.sum] {
		t.Fatalf("integrity %v %v", intact, err)
	}
	// The driver's one copy of the file, and a little more; a second copy is memory a
	// learner's old laptop does not have when the files are 50 MB photos.
	if n > size+size/4 {
		t.Fatalf("hashing an 8 MiB file allocated %.1f MiB", float64(n)/(1<<20))
	}
}
