# Kabar: `make run` runs the whole pipeline, `make test` the whole suite. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test unit integration install broker-start broker-stop bench eval schemas clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/kabar run

# The whole suite on a real broker: start it if it is not running, stop it afterwards if we started it.
test: install
	@started=0; \
	if ! $(BIN)/kabar broker status >/dev/null 2>&1; then $(BIN)/kabar broker start || exit 1; started=1; fi; \
	$(BIN)/python -m pytest -q tests; rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/kabar broker stop; fi; \
	exit $$rc

unit: install
	$(BIN)/python -m pytest -q tests/unit tests/golden

integration: install
	$(BIN)/kabar broker start
	$(BIN)/python -m pytest -q tests/integration tests/e2e

broker-start: install
	$(BIN)/kabar broker start

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
