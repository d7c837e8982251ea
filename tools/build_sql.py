#!/usr/bin/python3
"""Regenerate the migrations that hold the forms' constraints as CHECK constraints of the
shared base (resources/sql/002_contraintes.sql, 009_financement_contraintes.sql), from
forms/*.json.

    /usr/bin/python3 tools/build_sql.py

A released migration is never rewritten: when a form's constraint changes after release,
add a new migration that drops and re-adds that constraint (tests/unit/test_base_partagee.py
says which)."""
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "tools"))
import plugin_package

from osp_qgis.base_partagee import checks

if __name__ == "__main__":
    for migration, name in sorted(checks.MIGRATION_FILES.items()):
        target = plugin_package.output_path("resources", "sql", name)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(checks.migration_sql(migration))
        print(target)
