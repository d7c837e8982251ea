# OSP ERBM — the two commands: `make demo` and `make test` (see README.md).
# QGIS's Python bindings are Debian's: always /usr/bin/python3, never the first python3 on PATH.
PY := /usr/bin/python3
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR ?= /tmp/osp-erbm-xdg-$(shell id -u)
DEMO_DIR := demo_output

.PHONY: deps test unit lint generate demo serve package bench clean db db-stop demo-db

deps:
	@bash tools/ensure_deps.sh
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)

test: deps lint
	$(PY) -m pytest tests

# ruff with the rules of pyproject.toml (the exceptions QGIS's API forces are declared there)
lint: deps
	build/tools-venv/bin/ruff check .

# every generated file (help, README/docs tables, styles, layouts, SQL, reference tables);
# tests/qgis/test_generated.py fails when one is stale
generate: deps
	$(PY) tools/generate.py

unit:
	$(PY) -m pytest tests/unit

demo: deps
	$(PY) tools/demo.py $(DEMO_DIR)

# a local QGIS Server (loopback) on the demo's publication, with the access-control plugin;
# prints the WMS, WFS and OGC API addresses and a request per role
serve: deps
	@test -f $(DEMO_DIR)/publication/osp_erbm.qgs || $(PY) tools/demo.py $(DEMO_DIR)
	$(PY) tools/serve.py $(DEMO_DIR)/publication

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

# dist/osp_erbm.zip and dist/plugins.xml (a plugin repository a DDTM can serve)
package:
	$(PY) tools/package.py

clean:
	rm -rf $(DEMO_DIR) $(DEMO_DIR)_base dist tests/artifacts .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
