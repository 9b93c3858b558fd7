package queue

import (
	"log/slog"
	"time"
)

// Defaults of Options and WorkerOptions.
const (
	DefaultStream      = "SITREP_DOCS"
	DefaultSubject     = "sitrep.docs"
	DefaultDeadStream  = "SITREP_DEAD"
	DefaultDeadSubject = "sitrep.docs.dead"
	DefaultConsumer    = "sitrep-workers"
	DefaultMaxDeliver  = 10
	DefaultAckWait     = time.Minute
	DefaultBackoff     = time.Second
	DefaultMaxBackoff  = time.Minute
	// DefaultPublishRetry is how long Publish keeps retrying while NATS is unreachable.
	DefaultPublishRetry = time.Minute
	// DefaultDuplicateWindow is how long the stream remembers message ids to drop republished documents.
	DefaultDuplicateWindow = 10 * time.Minute
	// DefaultDeadMaxAge is how long dead letters are kept.
	DefaultDeadMaxAge = 30 * 24 * time.Hour
)

// Options name the streams and subjects and configure the connection. The zero value uses the defaults.
type Options struct {
	Stream      string // stream of documents (work-queue retention, file storage)
	Subject     string // subject documents are published on
	DeadStream  string // stream of dead letters (limits retention, file storage)
	DeadSubject string // subject dead letters are published on
	Consumer    string // durable consumer shared by all workers
	// Name labels the connection on the NATS server (monitoring); "sitrep" when "".
	Name string
	// PublishRetry bounds how long Publish retries while NATS is unreachable; DefaultPublishRetry when 0.
	PublishRetry time.Duration
	Logger       *slog.Logger
}

// withDefaults fills the zero fields.
func (o Options) withDefaults() Options {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&o.Stream, DefaultStream)
	def(&o.Subject, DefaultSubject)
	def(&o.DeadStream, DefaultDeadStream)
	def(&o.DeadSubject, DefaultDeadSubject)
	def(&o.Consumer, DefaultConsumer)
	def(&o.Name, "sitrep")
	if o.PublishRetry <= 0 {
		o.PublishRetry = DefaultPublishRetry
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	o.Logger = o.Logger.With("component", "queue")
	return o
}
