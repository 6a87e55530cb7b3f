# Kabar: `make run` runs the whole pipeline, `make test` the whole suite. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test unit integration install browser broker-start broker-stop bench eval schemas clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -m pip install -q -e '.[test]'
	@test -f streams/data/common/cities.tsv.gz || $(BIN)/python -m streams.nlp.gazetteer
	@touch $(STAMP)

install: $(STAMP)

# The desk's end-to-end test drives headless Chromium through chromedriver (Debian's packages; no downloads).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing chromium and chromium-driver for the desk test ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "the desk test needs Chromium: sudo apt-get install chromium chromium-driver" >&2; fi; }

run: install
	$(BIN)/kabar run

# The whole suite on a real broker: start it if it is not running, stop it afterwards if we started it.
test: install browser
	@started=0; \
	if ! $(BIN)/kabar broker status >/dev/null 2>&1; then $(BIN)/kabar broker start --sasl || exit 1; started=1; fi; \
	$(BIN)/python -m pytest -q tests; rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/kabar broker stop; fi; \
	exit $$rc

unit: install
	$(BIN)/python -m pytest -q tests/unit tests/golden

integration: install browser
	$(BIN)/kabar broker start --sasl
	$(BIN)/python -m pytest -q tests/integration tests/e2e

broker-start: install
	$(BIN)/kabar broker start --sasl

broker-stop: install
	$(BIN)/kabar broker stop

bench: install
	$(BIN)/kabar bench --json

eval: install
	$(BIN)/kabar eval ../shared/eval/dev --json

schemas: install
	$(BIN)/kabar schemas write

clean:
	-$(BIN)/kabar broker stop
	rm -rf .kabar $(VENV) *.egg-info
