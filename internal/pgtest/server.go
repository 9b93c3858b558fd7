package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoPostgres means no PostgreSQL server binaries were found.
var ErrNoPostgres = errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found")

// Server is one throwaway PostgreSQL cluster listening on 127.0.0.1.
type Server struct {
	bin, dir string
	port     int
	cred     *syscall.Credential // nil unless the cluster runs as the postgres user
	proc     *os.Process         // the running postmaster
	exited   chan error          // receives the postmaster's exit
}

// BinDir finds the directory holding initdb and pg_ctl: $PGTEST_BIN, the newest /usr/lib/postgresql/*/bin,
// or the directory of initdb on PATH.
func BinDir() (string, error) {
	if d := os.Getenv("PGTEST_BIN"); d != "" {
		return d, hasBinaries(d)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if hasBinaries(d) == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), hasBinaries(filepath.Dir(p))
	}
	return "", ErrNoPostgres
}

// version is the major version in a /usr/lib/postgresql/N/bin path.
func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// hasBinaries checks that dir holds initdb and pg_ctl.
func hasBinaries(dir string) error {
	for _, b := range []string{"initdb", "pg_ctl"} {
		if _, err := os.Stat(filepath.Join(dir, b)); err != nil {
			return fmt.Errorf("%w in %s", ErrNoPostgres, dir)
		}
	}
	return nil
}

// StartServer creates a cluster in a new temporary directory with the binaries of bin and starts it.
func StartServer(bin string) (*Server, error) {
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("start server: %w", err)
	}
	s := &Server{bin: bin, dir: dir}
	if err := s.init(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := s.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := s.templatePostGIS(); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// templatePostGIS creates the PostGIS extension in template1 when the server has it, so each database
// created afterwards comes with it at the cost of a copy (creating the extension takes seconds per database).
func (s *Server) templatePostGIS() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.DSN("template1"))
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `DO $$ BEGIN
		IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
			CREATE EXTENSION IF NOT EXISTS postgis;
		END IF; END $$`)
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	return nil
}

// init runs initdb, as the postgres user when running as root.
func (s *Server) init() error {
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("initdb refuses root and there is no postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(s.dir, uid, gid); err != nil {
			return fmt.Errorf("initdb: %w", err)
		}
	}
	return s.run("initdb", "--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
		"-D", s.data())
}

// data is the cluster's data directory.
func (s *Server) data() string { return filepath.Join(s.dir, "data") }

// DSN is the connection string of database name.
func (s *Server) DSN(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, name)
}

// CreateDB creates an empty database and returns its DSN.
func (s *Server) CreateDB(name string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return s.DSN(name), nil
}

// log is the server log file.
func (s *Server) log() string { return filepath.Join(s.dir, "server.log") }

// logTail is the end of the server log, for errors.
func (s *Server) logTail() string {
	b, _ := os.ReadFile(s.log())
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// run runs one of the server binaries, as the cluster's owner.
func (s *Server) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// freePort asks the kernel for a free local TCP port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
