package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// errExited means the postmaster exited while starting.
var errExited = errors.New("postgres exited")

// Start starts (or restarts after Crash) the server on a free port, waiting until it accepts connections. The
// postmaster runs as a child of the test binary that gets SIGQUIT if the binary dies (a test timeout, a
// crash), so no server outlives its tests.
func (s *Server) Start() error {
	var err error
	for try := 0; try < 3; try++ {
		if s.port == 0 || try > 0 {
			if s.port, err = freePort(); err != nil {
				return fmt.Errorf("start server: %w", err)
			}
		}
		if err = s.spawn(); err != nil {
			return fmt.Errorf("start server: %w", err)
		}
		if err = s.waitReady(); err == nil {
			return nil
		}
		s.signal(syscall.SIGQUIT)
	}
	return fmt.Errorf("start server: %w\n%s", err, s.logTail())
}

// spawn starts the postmaster. fsync is off for speed; synchronous_commit stays on, so a commit survives
// Crash (the WAL reaches the kernel before the commit returns; only an operating system crash could lose it).
func (s *Server) spawn() error {
	logf, err := os.OpenFile(s.log(), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(s.bin, "postgres"), "-D", s.data(), "-p", strconv.Itoa(s.port), "-k", s.dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200")
	cmd.Dir, cmd.Stdout, cmd.Stderr = s.dir, logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Pdeathsig: syscall.SIGQUIT}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return err
	}
	s.proc, s.exited = cmd.Process, make(chan error, 1)
	go func(exited chan<- error) {
		exited <- cmd.Wait()
		logf.Close()
	}(s.exited)
	return nil
}

// waitReady polls until the server accepts a connection, it exits, or a minute passes.
func (s *Server) waitReady() error {
	deadline := time.Now().Add(time.Minute)
	for {
		select {
		case err := <-s.exited:
			s.exited <- err
			return fmt.Errorf("%w: %v", errExited, err)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		conn, err := pgx.Connect(ctx, s.DSN("postgres"))
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// signal sends sig to the postmaster and waits for it to exit (immediate shutdown for SIGQUIT, fast for
// SIGINT).
func (s *Server) signal(sig os.Signal) error {
	if s.proc == nil {
		return nil
	}
	if err := s.proc.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-s.exited:
	case <-time.After(time.Minute):
		s.proc.Kill()
		return fmt.Errorf("postgres did not stop on %v", sig)
	}
	s.proc = nil
	return nil
}

// Crash stops the server at once, as a power cut would from the database's point of view (immediate
// shutdown: no checkpoint, recovery from the WAL at the next Start).
func (s *Server) Crash() error { return s.signal(syscall.SIGQUIT) }

// Stop shuts the server down and removes its directory.
func (s *Server) Stop() error {
	err := s.signal(syscall.SIGINT)
	if rerr := os.RemoveAll(s.dir); err == nil {
		err = rerr
	}
	return err
}
