package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestWriteFileAtomicKinds checks that -o replaces a regular file (keeping its mode), follows a symbolic link
// to its target (the link stays), writes into a named pipe as it is (renaming over it would replace the pipe,
// or a device such as /dev/null, with a file), and gives a new file 0666 less the umask.
func TestWriteFileAtomicKinds(t *testing.T) {
	umask := syscall.Umask(0)
	syscall.Umask(umask)
	write := func(w io.Writer) error { _, err := io.WriteString(w, "exported\n"); return err }
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) (path, target string) // target is the file that must hold the data
		check func(t *testing.T, path, target string)
	}{
		{"new file", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "new.csv")
			return p, p
		}, func(t *testing.T, path, _ string) {
			wantMode(t, path, 0o666&^fs.FileMode(umask))
		}},
		{"existing file keeps its mode", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "old.csv")
			if err := os.WriteFile(p, []byte("old contents, longer than the new ones\n"), 0o640); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, 0o640); err != nil {
				t.Fatal(err)
			}
			return p, p
		}, func(t *testing.T, path, _ string) {
			wantMode(t, path, 0o640)
		}},
		{"symbolic link", func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real.csv")
			if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "link.csv")
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			return link, target
		}, func(t *testing.T, path, target string) {
			if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("%s is no longer a symbolic link: %v %v", path, fi.Mode(), err)
			}
			wantMode(t, target, 0o644)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, target := tt.setup(t, t.TempDir())
			if err := writeFileAtomic(path, write); err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(target); err != nil || string(got) != "exported\n" {
				t.Errorf("%s holds %q, %v", target, got, err)
			}
			tt.check(t, path, target)
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}

	t.Run("dangling symbolic link", func(t *testing.T) {
		dir := t.TempDir()
		link := filepath.Join(dir, "link.csv")
		if err := os.Symlink("missing.csv", link); err != nil {
			t.Fatal(err)
		}
		if err := writeFileAtomic(link, write); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, "missing.csv")); err != nil || string(got) != "exported\n" {
			t.Errorf("the link's target holds %q, %v", got, err)
		}
	})

	// A name of an open file (as /dev/stdout is, redirected by a shell to a log) is written at its offset and in
	// its mode, and stays open: before, the name was resolved and a new file renamed over the log.
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		t.Run("open file "+dir, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "log.txt")
			if err := os.WriteFile(name, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			path := dir + strconv.Itoa(int(f.Fd()))
			if _, err := os.Stat(path); err != nil {
				t.Skipf("no %s here: %v", dir, err)
			}
			if err := writeFileAtomic(path, write); err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteString("after\n"); err != nil {
				t.Fatalf("the file is no longer open: %v", err)
			}
			if got, _ := os.ReadFile(name); string(got) != "old\nexported\nafter\n" {
				t.Errorf("the log holds %q", got)
			}
		})
	}

	t.Run("named pipe", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- string(b)
		}()
		if err := writeFileAtomic(fifo, write); err != nil {
			t.Fatal(err)
		}
		if s := <-got; s != "exported\n" {
			t.Errorf("the pipe's reader got %q", s)
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("%s is no longer a named pipe: %v %v", fifo, fi.Mode(), err)
		}
	})

	t.Run("failed write leaves the old file", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "keep.csv")
		if err := os.WriteFile(p, []byte("keep\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := writeFileAtomic(p, func(w io.Writer) error {
			io.WriteString(w, "half")
			return io.ErrUnexpectedEOF
		})
		if err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
			t.Fatalf("error %v", err)
		}
		if b, _ := os.ReadFile(p); string(b) != "keep\n" {
			t.Errorf("the old file now holds %q", b)
		}
	})
}

func wantMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != want {
		t.Errorf("%s has mode %v, want %v", path, fi.Mode().Perm(), want)
	}
}

func TestOpenFileName(t *testing.T) {
	for _, tt := range []struct {
		path string
		fd   int
		ok   bool
	}{
		{"/dev/stdout", 1, true}, {"/dev/stderr", 2, true}, {"/dev/fd/7", 7, true}, {"/proc/self/fd/3", 3, true},
		{"/dev/fd/../stdout", 1, true}, {"/dev/fdx", -1, false}, {"/dev/fd/x", -1, false}, {"out.csv", -1, false},
		{"/proc/1/fd/3", -1, false},
	} {
		if fd, ok := openFileName(tt.path); fd != tt.fd || ok != tt.ok {
			t.Errorf("openFileName(%q) = %d, %v; want %d, %v", tt.path, fd, ok, tt.fd, tt.ok)
		}
	}
}
