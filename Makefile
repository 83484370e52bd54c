# Two commands for a fresh machine: `make demo` and `make test`.
# Everything installs from the lock (uv.lock) into .venv but PyTorch (the `training`
# group), which only the training image and the tests of the data-parallel trainer
# need: like the image, they add it from its hashed export into a folder of its own
# (.torch-site) on PYTHONPATH. checkov gets its own virtualenv because its pins
# conflict with the platform's. `make test` also
# installs, with apt-get, the servers its tests start (scripts/system-packages.sh).

SHELL := /bin/bash
.DEFAULT_GOAL := help
UV_VERSION := 0.13.8
# The serving benchmark's peer; scikit-learn pinned to the lock's, so the exported model loads;
# uvloop below 0.22, whose get_event_loop() no longer creates a loop, which MLServer 1.7's
# parallel inference workers rely on (with 0.22+ they die at start).
MLSERVER_VERSION := 1.7.1
MLSERVER_SKLEARN := 1.9.1
# The drift benchmark's peer; its pins (pandas < 3) conflict with the lock.
EVIDENTLY_VERSION := 0.7.23
EVIDENTLY_VENV := .bench-venvs/evidently
VENV := .venv
PY := $(VENV)/bin/python
PROGRAM_VENV := build/program-venv
TORCH_SITE := .torch-site
TORCH_LOCK := workloads/requirements-training.lock.txt
TORCH_CPU_LOCK := workloads/requirements-torch-cpu.lock.txt
TORCH_CPU_WHEELS ?= /opt/wheels
TORCH_CPU_WHEEL := torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
# .venv with PyTorch: what the training image has (/opt/venv plus /opt/torch).
WITH_TORCH := PYTHONPATH=$(CURDIR)/$(TORCH_SITE) PATH=$(CURDIR)/$(TORCH_SITE)/bin:$$PATH
export UV_NATIVE_TLS := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(HOME)/.local/bin/uv
endif

.PHONY: help install install-program demo test lint typecheck pytest pytest-torch torch-site \
	checkov-venv system-deps generate format program-check bench bench-gpu locks clean \
	bench-serving mlserver-venv oip-stubs bench-drift evidently-venv \
	location-properties location-properties-check checkov-lock azurite test-deps

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(UV):
	python3 -m pip install --user --quiet "uv==$(UV_VERSION)"

# --compile-bytecode: the installed packages get their .pyc at install time. Without
# it, a machine that sets PYTHONDONTWRITEBYTECODE (CI sandboxes do) recompiles every
# imported module from source in every process: imports take twice as long.
# --no-group training: PyTorch (a CUDA build from PyPI, ~2.5 GB of downloads) stays out.
$(VENV)/.installed: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --all-groups --no-group training --compile-bytecode
	@touch $@

install: $(VENV)/.installed ## install from the lock: program, workloads, dev tools (no PyTorch)

# The `training` group (PyTorch 2.13) for .venv's Python, in a folder of its own (the
# training image's layout). Where the machine carries PyTorch's CPU build of the same
# release as a local wheel (TORCH_CPU_WHEELS: this project's machines and CI have it),
# from $(TORCH_CPU_LOCK): the training export without the CUDA runtime, torch pinned to
# that wheel's sha256 — 190 MB read from disk, 0.9 GB installed, about a minute. Elsewhere
# from $(TORCH_LOCK), PyPI's CUDA build (~3 GB of downloads, 4.7 GB installed); without a
# GPU it trains on the CPU (gloo) just the same. PyPI has no CPU-only wheel of torch for
# Linux x86_64.
$(TORCH_SITE)/.installed: $(TORCH_LOCK) $(TORCH_CPU_LOCK) | $(VENV)/.installed
	rm -rf $(TORCH_SITE)
	if [ -f "$(TORCH_CPU_WHEELS)/$(TORCH_CPU_WHEEL)" ]; then \
		$(UV) pip install --python $(PY) --target $(TORCH_SITE) --no-deps --require-hashes \
			--compile-bytecode --quiet --find-links $(TORCH_CPU_WHEELS) -r $(TORCH_CPU_LOCK); \
	else \
		$(UV) pip install --python $(PY) --target $(TORCH_SITE) --no-deps --require-hashes \
			--compile-bytecode --quiet -r $(TORCH_LOCK); \
	fi
	@touch $@

torch-site: $(TORCH_SITE)/.installed ## PyTorch (the `training` group) in .torch-site, for .venv

install-program: | $(UV) ## install only what `pulumi up` needs (no Feast/MLflow)
	$(UV) sync --frozen --no-default-groups --compile-bytecode

demo: install ## the platform on one machine: plan and check every stack offline, then the ML lifecycle
	$(VENV)/bin/smp stacks
	$(VENV)/bin/smp check --all
	@for stack in $$($(PY) -c 'from stacks.stack_files import list_stacks; print(" ".join(list_stacks()))'); do \
		mkdir -p build/plans; $(VENV)/bin/smp plan $$stack --json build/plans/$$stack.json > /dev/null || exit $$?; \
	done; echo "plans written to build/plans/"
	$(PY) -m workloads.demo --out build/demo

lint: install ## ruff, the formatter check and the import contracts (the dependency direction)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

typecheck: install ## mypy over the program, the pack, smp and the workloads (clean; minutes cold)
	$(VENV)/bin/mypy

system-deps: ## apt-get the servers the tests start: redis-server, openssl, node + npm
	@scripts/system-packages.sh

# The tests marked `torch` need PyTorch: `pytest-torch` runs them with .torch-site. They
# live in files named test_*torch*.py (collecting every test module costs ~20 s of CPU).
TORCH_TESTS = $(wildcard tests/*/test_*torch*.py)

pytest: system-deps install checkov-venv
	$(VENV)/bin/pytest -q -p no:cacheprovider -n auto --dist worksteal -m "not torch"

pytest-torch: install torch-site ## the data-parallel trainer's tests (torchrun, gloo), with torch
	$(WITH_TORCH) $(VENV)/bin/pytest -q -p no:cacheprovider -m torch $(TORCH_TESTS)

# The gate must work from the Pulumi program's own dependency set (what the
# pull-request workflow installs): no dev tools, no Feast/MLflow.
# Without --compile-bytecode: this venv runs one `smp check --all`, which compiles only
# the SDK modules it imports; compiling all of the provider SDKs up front (azure-native
# alone is most of the files) cost more CPU than it saved, in the install step that
# `make test` runs beside the other installs.
$(PROGRAM_VENV)/.installed: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(PROGRAM_VENV) $(UV) sync --frozen --no-default-groups --quiet
	@touch $@

program-check: $(PROGRAM_VENV)/.installed ## smp check --all from a program-only install (build/program-venv)
	$(PROGRAM_VENV)/bin/smp check --all --format markdown --output build/smp-check.md

# Build Azurite (the Azure Storage emulator the tests start) into build/azurite from npm.
azurite: system-deps install ## the pinned Azurite in build/azurite (the tests start it)
	$(PY) -m tests.support.azurite

# Everything the tests need, installed side by side (downloads, apt and npm overlap):
# the lock, checkov's and the program-only virtualenvs, PyTorch, the servers.
test-deps: system-deps install checkov-venv torch-site $(PROGRAM_VENV)/.installed azurite

# mypy is not part of `make test`: with the provider SDKs skipped it is clean, but a cold
# cache still takes minutes of one core that CI's 2-core machine spends on the suite.
# Run `make typecheck` before pushing.
test: ## lint, every test, and the gate from a program-only install (installs what they need)
	$(MAKE) --no-print-directory -j4 --output-sync=target test-deps
	$(MAKE) --no-print-directory lint pytest pytest-torch program-check

# checkov's own lock (tools/checkov.lock.txt, hashes for every platform): uv installs
# it in well under a minute where pip resolving checkov took several.
checkov-venv: .checkov-venv/.installed ## checkov in its own virtualenv (its pins conflict)
.checkov-venv/.installed: tools/checkov.lock.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python python3 .checkov-venv
	$(UV) pip install --quiet --python .checkov-venv/bin/python --require-hashes --compile-bytecode \
		-r tools/checkov.lock.txt
	@touch $@

checkov-lock: | $(UV) ## re-lock checkov's virtualenv from tools/checkov.in
	$(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		tools/checkov.in -o tools/checkov.lock.txt

location-properties: install ## regenerate policies/location_properties.py from the installed SDKs
	$(PY) scripts/generate_location_properties.py

location-properties-check: install ## the full regeneration compared with the committed table (minutes)
	$(PY) scripts/generate_location_properties.py --check

bench: install ## offline plan speed against Pulumi's bare mock runtime
	$(PY) benchmarks/plan_speed.py

mlserver-venv: .mlserver-venv/bin/mlserver ## MLServer (the serving benchmark's peer) in its own virtualenv
.mlserver-venv/bin/mlserver:
	python3 -m venv .mlserver-venv
	.mlserver-venv/bin/pip install --quiet "mlserver==$(MLSERVER_VERSION)" \
		"mlserver-sklearn==$(MLSERVER_VERSION)" "scikit-learn==$(MLSERVER_SKLEARN)" "uvloop<0.22"

bench-serving: install mlserver-venv ## scoring service vs MLServer (REST, gRPC) and mlflow models serve
	$(PY) benchmarks/serving.py

oip-stubs: install ## regenerate the OIP gRPC stubs from workloads/serving/oip/grpc_predict_v2.proto
	$(PY) -m workloads.serving.oip.generate

evidently-venv: $(EVIDENTLY_VENV)/bin/evidently ## Evidently in its own virtualenv (the drift benchmark's peer)
$(EVIDENTLY_VENV)/bin/evidently: | $(UV)
	$(UV) venv -q $(EVIDENTLY_VENV) --python 3.11
	$(UV) pip install -q --python $(EVIDENTLY_VENV)/bin/python "evidently==$(EVIDENTLY_VERSION)" "pandas<3" pyarrow

bench-drift: install evidently-venv ## drift monitor vs Evidently (1M x 20), streaming throughput and alert latency
	$(PY) benchmarks/drift.py

bench-gpu: install torch-site ## the DDP trainer on the GPU against the CPU (CPU only without one)
	$(WITH_TORCH) $(PY) benchmarks/gpu_training.py

# The images install from these exports of uv.lock (hash-checked): run after `uv lock`.
locks: install ## re-export workloads/requirements*.lock.txt from uv.lock
	$(UV) export --frozen --only-group workloads --no-emit-project --format requirements-txt \
		-o workloads/requirements.lock.txt
	$(UV) export --frozen --only-group training --no-emit-project --format requirements-txt \
		-o workloads/requirements-training.lock.txt
	$(PY) scripts/torch_cpu_requirements.py

generate: install ## rewrite every generated file: schema, control matrix, golden plans, snapshots
	$(PY) -m smp.generate
	SMP_UPDATE_SNAPSHOTS=1 $(VENV)/bin/pytest -q -p no:cacheprovider -k snapshot tests/components

format: install ## ruff's formatter over the project (make lint checks it)
	$(VENV)/bin/ruff format .

clean: ## remove build output (keeps the virtualenvs)
	rm -rf build
