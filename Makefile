# Two commands for a fresh machine: `make demo` and `make test`.
# Everything installs from the lock (uv.lock) into .venv; checkov gets its own
# virtualenv because its pins conflict with the platform's.

SHELL := /bin/bash
.DEFAULT_GOAL := help
UV_VERSION := 0.13.8
CHECKOV_VERSION := 3.3.30
VENV := .venv
PY := $(VENV)/bin/python
export UV_NATIVE_TLS := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(HOME)/.local/bin/uv
endif

.PHONY: help install install-program demo test lint typecheck pytest checkov-venv bench clean \
	location-properties

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(UV):
	python3 -m pip install --user --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --all-groups
	@touch $@

install: $(VENV)/.installed ## install everything from the lock (program, workloads, dev tools)

install-program: | $(UV) ## install only what `pulumi up` needs (no Feast/MLflow)
	$(UV) sync --frozen --no-default-groups

demo: install ## the platform on one machine: plan and check every stack offline, then the ML lifecycle
	$(VENV)/bin/smp stacks
	$(VENV)/bin/smp check --all
	@for stack in $$($(PY) -c 'from stacks.stack_files import list_stacks; print(" ".join(list_stacks()))'); do \
		mkdir -p build/plans; $(VENV)/bin/smp plan $$stack --json build/plans/$$stack.json > /dev/null || exit $$?; \
	done; echo "plans written to build/plans/"
	$(PY) -m workloads.demo --out build/demo

lint: install ## ruff over the project
	$(VENV)/bin/ruff check .

typecheck: install ## mypy over stacks, components and policies (needs ~20 GiB without a cache)
	$(VENV)/bin/mypy

pytest: install checkov-venv
	$(VENV)/bin/pytest -q -p no:cacheprovider

# mypy is not part of `make test`: following the pulumi SDKs takes it past 15 GiB
# and 8 minutes on a cold cache, which CI's 24 GiB / 2-core machine cannot afford
# next to the suite. Run `make typecheck` on a developer machine.
test: lint pytest ## lint and run every test

checkov-venv: .checkov-venv/bin/checkov ## checkov in its own virtualenv (its pins conflict)
.checkov-venv/bin/checkov:
	python3 -m venv .checkov-venv
	.checkov-venv/bin/pip install --quiet "checkov==$(CHECKOV_VERSION)"

location-properties: install ## regenerate policies/location_properties.py from the installed SDKs
	$(PY) scripts/generate_location_properties.py

bench: install ## offline plan speed against Pulumi's bare mock runtime
	$(PY) benchmarks/plan_speed.py

clean: ## remove build output (keeps the virtualenvs)
	rm -rf build
