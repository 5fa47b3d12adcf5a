# One command each, on a fresh machine (needs only python3 and make):
#   make demo   set up .venv and print the per-speaker listing for seeds/
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test setup clean

$(BIN)/.installed: pyproject.toml plugins/stance-example/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# the example third-party plugin: the tests prove it is discovered, used and filtered
	$(BIN)/python -m pip install --quiet -e plugins/stance-example
	touch $@

setup: $(BIN)/.installed

demo: setup
	$(BIN)/stance quotes seeds/*.txt --format table

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
