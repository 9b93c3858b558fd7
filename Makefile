# sitrep: the everyday commands. `make test` is what CI runs (.ci/run).
GO ?= go
PKGS := ./...

.PHONY: all build web test test-short lint bench fuzz demo example clean

all: build

build: web
	$(GO) build -trimpath -o sitrep .

# The web page's bundle (npm packages from package-lock.json, bundled by esbuild into internal/web/dist, which the
# binary embeds). Skipped when there is no web/ source yet.
web:
	@if [ -f web/package.json ]; then cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; fi

# The whole test suite: unit, data-file and integration tests, plus a short fuzz smoke run of every parser.
test: web
	@if [ -f web/package.json ]; then cd web && npm test --silent; fi
	$(GO) vet $(PKGS)
	$(GO) test -count=1 $(PKGS)

test-short:
	$(GO) test -short $(PKGS)

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

# Throughput and memory of the hot paths (MB/s comes from b.SetBytes).
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# Run each fuzz target for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Load the synthetic sample corpus into sitrep-demo.db and serve the API and the page on localhost:8080.
demo: web
	$(GO) run . demo

# Extract the events of the example article (the engine alone, on the embedded defaults).
example:
	$(GO) run . extract --format text --published 2016-10-05 examples/aleppo-convoy.txt

clean:
	rm -f sitrep
