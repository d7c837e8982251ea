# OSP ERBM — the two commands: `make demo` and `make test` (see README.md).
# QGIS's Python bindings are Debian's: always /usr/bin/python3, never the first python3 on PATH.
PY := /usr/bin/python3
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR ?= /tmp/osp-erbm-xdg-$(shell id -u)
DEMO_DIR := demo_output

.PHONY: deps test unit demo package bench clean db db-stop demo-db

deps:
	@bash tools/ensure_deps.sh
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)

test: deps
	$(PY) -m pytest tests

unit:
	$(PY) -m pytest tests/unit

demo: deps
	$(PY) tools/demo.py $(DEMO_DIR)

# BENCH_SIZE=erbm (default) or departement; BENCH_RUNS (default 3); BENCH_STEPS=a,b to pick
bench: deps
	$(PY) bench/run.py

# a persistent local PostGIS server for the shared base (data in .osp-db/), schema prepared
db: deps
	$(PY) tools/db.py start
	$(PY) tools/db.py init

# the demo pipeline into that shared base (programmation, dwellings), read back from it
demo-db: db
	$(PY) tools/demo.py $(DEMO_DIR)_base --base="$$($(PY) tools/db.py connexion)"

db-stop:
	$(PY) tools/db.py stop

package:
	$(PY) tools/package.py

clean:
	rm -rf $(DEMO_DIR) $(DEMO_DIR)_base dist tests/artifacts .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
