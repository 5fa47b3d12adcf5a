# One command each, on a fresh machine (needs only python3 and make):
#   make demo   set up .venv, print the per-speaker stance table for seeds/ and write seeds_table.png
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test setup clean model articles

# The shipped linear.v1 model, retrained from the corpus in stance/data/train (same data and seed:
# the same file). The corpus has quotes written one by one (balanced) and every quote of the project's
# own articles (stance/data/articles, made into examples by `make articles`). The model only decides
# for quotes that mention an entity target (unmentioned-none settles the rest); in news about 45% of
# those take no side (--none-share 0.45); 1 quote in 20 takes a side on alliance_shift. In news two in
# three quotes that take a side on Russia are against it (RUW val: 267 against to 132 favor).
MODEL_OPTIONS = --holdout 0.1 --none-share 0.45 --none-share alliance_shift=0.97 --against-share Russia=0.67 --rule NATO=lexicon-first --rule alliance_shift=lexicon-first --rule unmentioned-none

# The runtime only: what `make demo` needs (no test tools, no Dask).
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test extras on top (pytest, hypothesis, Dask, pandas), for `make test` only.
$(BIN)/.test-installed: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# The example third-party plugin (adds an EU target): the tests prove it is discovered, used and
# filtered by STANCE_LOAD_PLUGINS. `make demo` alone does not install it.
$(BIN)/.example-plugin: $(BIN)/.installed plugins/stance-example/pyproject.toml
	$(BIN)/python -m pip install --quiet -e plugins/stance-example
	touch $@

setup: $(BIN)/.installed

demo: setup
	$(BIN)/stance table seeds/*.txt --plot seeds_table.png

test: $(BIN)/.test-installed $(BIN)/.example-plugin
	$(BIN)/python -m pytest -q

# The articles' labels used for training. Their Russia labels are not: with them the model did no
# better on news-dev and worse on the seeds; they serve as a held-out test instead (README, "Stance").
ARTICLE_TARGETS = --target NATO --target alliance_shift

articles: setup
	$(BIN)/stance examples stance/data/articles/texts/*.txt --gold stance/data/articles/gold.quotes.jsonl $(ARTICLE_TARGETS) --out stance/data/train/articles.jsonl

model: setup
	$(BIN)/stance train stance/data/train/*.jsonl $(MODEL_OPTIONS) --out stance/data/linear.v1.json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
