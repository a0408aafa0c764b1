# The two commands of the README: `make demo` (set up, run on the bundled example) and `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench kb

$(BIN)/communique: pyproject.toml
	./scripts/setup
	@touch $@

setup: $(BIN)/communique

demo: setup
	$(BIN)/communique demo

test: setup
	./scripts/system-deps
	$(BIN)/python -m pytest -n 2

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m benchmarks

# The generated knowledge base (src/communique/data/kb/generated/) from data-sources/kb/.
kb: setup
	$(BIN)/python scripts/build_kb.py
