# The two README commands: `make run` (index the seeds if needed, open the chat UI) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1

.PHONY: run test index eval bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/rag serve

test: $(STAMP)
	$(PY) -m pytest

index: $(STAMP)
	$(VENV)/bin/rag index

eval: $(STAMP)
	$(VENV)/bin/rag eval --retriever all

bench: $(STAMP)
	$(VENV)/bin/rag bench

clean:
	rm -rf $(VENV) index/CURRENT index/build-* index/.build-* test-artifacts
