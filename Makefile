# Every target sets itself up: a fresh machine with Python 3.11 needs nothing else.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DATA   ?= ../shared/data

.PHONY: sample test train eval bench clean-venv

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

## sample: clean the bundled sample folder into out/samples and print what was removed
sample: $(VENV)/.installed
	rm -rf out/samples
	$(VENV)/bin/junkfilter clean fixtures/samples -o out/samples --report out/samples-removed.jsonl

## test: run the whole test suite
test: $(VENV)/.installed
	$(PY) -m pytest -q

## train: rebuild the bundled model from $(DATA)
train: $(VENV)/.installed
	$(VENV)/bin/junkfilter train --data-dir $(DATA) -o models/junkfilter-zh.npz

## eval: held-out quality of the bundled model
eval: $(VENV)/.installed
	$(VENV)/bin/junkfilter eval --data-dir $(DATA)

## bench: every benchmark behind the README tables (installs the bench extra; ~15 minutes)
bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/bench_speed.py --data-dir $(DATA)
	$(PY) benchmarks/bench_pages.py --data-dir $(DATA)
	$(PY) benchmarks/bench_peers.py --data-dir $(DATA)
	$(PY) benchmarks/bench_parallel.py --data-dir $(DATA)
	$(PY) benchmarks/bench_memory.py --data-dir $(DATA) --mb 500 --text-mb 200 --tree-mb 1000

clean-venv:
	rm -rf $(VENV)
