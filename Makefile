# The two commands of the README: `make demo` (set up, run on the bundled example) and `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench models

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

# Rebuild the shipped event model bit for bit from training/events/data/, then its card (docs/models.md).
# Embeddings are cached outside the repo ($$COMMUNIQUE_EMBED_CACHE); the model is the same without the cache.
models: setup
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.events.train
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.events.evaluate
