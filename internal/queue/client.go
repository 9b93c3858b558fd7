package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Client is a connection to NATS JetStream with sitrep's streams in place. Safe for concurrent use.
type Client struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	opts Options
	log  *slog.Logger
}

// Dial connects to the NATS server at url (comma-separated for a cluster; credentials in the URL or in the
// NATS_CREDS file are honoured by the nats client), reconnecting forever after a loss, and creates the document
// and dead-letter streams when they are missing. Existing streams are left as their operator configured them.
func Dial(ctx context.Context, url string, opts Options) (*Client, error) {
	opts = opts.withDefaults()
	log := opts.Logger
	nc, err := nats.Connect(url, nats.Name(opts.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("nats reconnected", "server", c.ConnectedUrlRedacted()) }),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			if sub != nil {
				log.Warn("nats", "subject", sub.Subject, "err", err)
				return
			}
			log.Warn("nats", "err", err)
		}))
	if err != nil {
		return nil, fmt.Errorf("nats connect %s: %w", redact(url), err)
	}
	c, err := newClient(ctx, nc, opts)
	if err != nil {
		nc.Close()
		return nil, err
	}
	return c, nil
}

// newClient wraps an open connection and ensures the streams.
func newClient(ctx context.Context, nc *nats.Conn, opts Options) (*Client, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	c := &Client{nc: nc, js: js, opts: opts, log: opts.Logger}
	if err := c.ensureStreams(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// Close drains nothing and closes the connection.
func (c *Client) Close() { c.nc.Close() }

// ensureStreams creates the document and dead-letter streams unless they exist.
func (c *Client) ensureStreams(ctx context.Context) error {
	docs := jetstream.StreamConfig{
		Name: c.opts.Stream, Subjects: []string{c.opts.Subject}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: DefaultDuplicateWindow,
		Description: "sitrep documents waiting for a worker",
	}
	dead := jetstream.StreamConfig{
		Name: c.opts.DeadStream, Subjects: []string{c.opts.DeadSubject}, Retention: jetstream.LimitsPolicy,
		Storage: jetstream.FileStorage, MaxAge: DefaultDeadMaxAge, Duplicates: DefaultDuplicateWindow,
		Description: "sitrep documents that failed permanently or too often",
	}
	for _, cfg := range []jetstream.StreamConfig{docs, dead} {
		if err := c.ensureStream(ctx, cfg); err != nil {
			return err
		}
	}
	return nil
}

// ensureStream creates one stream unless a stream of that name exists.
func (c *Client) ensureStream(ctx context.Context, cfg jetstream.StreamConfig) error {
	_, err := c.js.Stream(ctx, cfg.Name)
	if err == nil {
		return nil
	}
	if !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("stream %s: %w", cfg.Name, err)
	}
	_, err = c.js.CreateStream(ctx, cfg)
	if err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
		return fmt.Errorf("create stream %s: %w", cfg.Name, err)
	}
	c.log.Info("created stream", "stream", cfg.Name, "subject", cfg.Subjects[0])
	return nil
}
