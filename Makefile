# The two commands of the README: `make demo` (set up, run on the bundled example) and `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench fuzz kb cities countries common-words models models-similarity

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

# Coverage-guided fuzzing of the readers and the date grammar (atheris). Each input may take at most
# FUZZ_INPUT_SECONDS (a slower one is reported as a timeout with its input, so the run always ends).
FUZZ_SECONDS ?= 60
FUZZ_INPUT_SECONDS ?= 10
fuzz: setup
	$(BIN)/pip install --quiet -e '.[fuzz]'
	mkdir -p /tmp/fuzz-corpus
	$(BIN)/python fuzz/fuzz_readers.py -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_INPUT_SECONDS) -rss_limit_mb=2048 /tmp/fuzz-corpus tests/data/bad
	$(BIN)/python fuzz/fuzz_time.py -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_INPUT_SECONDS) -rss_limit_mb=2048

# The generated knowledge base (src/communique/data/kb/generated/) from data-sources/kb/.
kb: setup
	$(BIN)/python scripts/build_kb.py

# The world-cities table (src/communique/data/kb/generated/cities.tsv) from data-sources/places/ (GeoNames).
cities: setup
	$(BIN)/python scripts/build_cities.py

# The country names of every language folder (lang/<code>/countries.yaml) from data-sources/countries/.
countries: setup
	PYTHONPATH=$$PWD/src $(BIN)/python scripts/build_countries.py

# The common words of every language folder (lang/<code>/common-words.yaml): spaCy stop words, CLDR days and months.
common-words: setup
	PYTHONPATH=$$PWD/src $(BIN)/python scripts/build_common_words.py

# Rebuild the shipped event and similarity models bit for bit from training/events/data/, then its card (docs/models.md).
# Embeddings are cached outside the repo ($$COMMUNIQUE_EMBED_CACHE); the model is the same without the cache.
models: setup
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.events.train
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.events.evaluate
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.similarity.train
	PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.similarity.card
	PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.names.endings pl
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.participants.train --report

# Only the article-similarity model (training/similarity/) and its section of docs/models.md.
models-similarity: setup
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.similarity.train
	PYTHONPATH=$$PWD/src:$$PWD $(BIN)/python -m training.similarity.card
