"""Pure core of the shared base: migration files, the forms' constraints as SQL."""
import os

import pytest

from osp_qgis.base_partagee import checks, migrations
from osp_qgis.reference import resource_path


def test_shipped_migrations_are_consecutive_and_static():
    found = migrations.migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert found[0].name == "schema"
    for migration in found:   # values go through functions' parameters, never in the files
        assert "%s" not in migration.sql() and "{" + "}" not in migration.sql()


def test_pending_after_a_version(tmp_path):
    for name in ("001_a.sql", "002_b.sql", "003_c.sql", "notes.txt"):
        (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")
    found = migrations.migrations(str(tmp_path))
    assert [m.version for m in migrations.pending(0, found)] == [1, 2, 3]
    assert [m.version for m in migrations.pending(2, found)] == [3]
    assert migrations.pending(3, found) == []
    with pytest.raises(ValueError, match="plus récente"):
        migrations.pending(4, found)


def test_a_gap_in_migration_numbers_is_refused(tmp_path):
    for name in ("001_a.sql", "003_c.sql"):
        (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(ValueError, match="non consécutives"):
        migrations.migrations(str(tmp_path))


def test_form_expressions_become_sql_conditions():
    assert checks.sql_condition('"x" IS NULL OR regexp_match("x", \'^[0-9]{10}$\')') == \
        'COALESCE(("x" IS NULL OR ("x" ~ \'^[0-9]{10}$\')), false)'
    assert checks.sql_condition('length(trim("texte")) > 0') == \
        'COALESCE((length(trim("texte")) > 0), false)'
    for unknown in ('now() > "x"', '"x" = @user_account_name', 'to_date("x") IS NULL',
                    '"x"; DROP TABLE osp.logements'):
        with pytest.raises(ValueError, match="non traduisible"):
            checks.sql_condition(unknown)


def test_generated_migration_is_the_forms_today():
    for migration, name in checks.MIGRATION_FILES.items():
        with open(resource_path("sql", name), encoding="utf-8") as handle:
            assert handle.read() == checks.migration_sql(migration), \
                "forms/*.json changed: regenerate with make generate (before release) " \
                "or add a migration that replaces the constraint"
    tables = {t for t, _, _, _ in checks.form_checks()}
    assert tables == {"logements", "operations", "avancement", "financements", "versements"}
    assert {t for t, _, _, _ in checks.form_checks(2)} == {"logements", "operations",
                                                           "avancement"}
    assert os.path.basename(resource_path("sql", "002_contraintes.sql")) == "002_contraintes.sql"
