# CaseReview — two set-up commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check-format typecheck imports unit bench package sysdeps sysdeps-test venv demo clean format screenshots package-smoke

run: sysdeps venv demo
	$(BIN)/casereview-gui

test: sysdeps-test venv demo lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup

sysdeps:
	bash scripts/sysdeps.sh run

sysdeps-test:
	bash scripts/sysdeps.sh test

venv: $(STAMP)

# Pinned versions come from requirements.lock; the package itself is installed editable.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

demo: venv
	test -f resources/demo/demo_case.pdf || PYTHONPATH=tests $(BIN)/python -m casegen --demo resources/demo/demo_case.pdf

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

format: venv
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# The UI tests that take screenshots write them into docs/screenshots (scanned case: real OCR).
screenshots: sysdeps-test venv demo
	CASEREVIEW_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q -p no:xdist \
		tests/ui/test_ui_review_flow.py tests/ui/test_ui_review_panel.py -k "scanned or legal_mode"
	CASEREVIEW_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q -p no:xdist \
		tests/ui/test_ui_followup.py tests/ui/test_ui_reasons.py
	$(BIN)/casereview-gui --smoke-test --screenshot docs/screenshots/demo_case.png -platform offscreen

bench: venv demo
	$(BIN)/python bench/run_all.py

package: venv demo
	$(BIN)/python -m pip install -q "pyinstaller>=6,<7"
	$(BIN)/pyinstaller --noconfirm --log-level WARN pyinstaller.spec

# The frozen app's own smoke test (make test also runs it when a build exists).
package-smoke:
	CASEREVIEW_DATA_DIR=$$(mktemp -d) QT_QPA_PLATFORM=offscreen dist/CaseReview/casereview-gui --smoke-test

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
