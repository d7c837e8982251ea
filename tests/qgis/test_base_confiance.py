"""Issue 25, points 6-8: the shared base on a real PostgreSQL server.

- an OSP admin cannot take over a role the OSP did not create (a superuser, the database
  owner, another application's role): refused in French, their passwords untouched; the
  database owner adds the first OSP admin;
- read isolation, checked as each role with psql: a landlord reads its own dwellings, an EPCI
  those of its territory, blocks, drafts and the audit of others are out of reach;
- osp:init_base on an up-to-date base changes nothing (layer_styles rows and a DDTM's edit
  kept), the password file is 0600."""
import os
import stat
import subprocess

import pytest
from test_base_partagee import Log, database_string, run


def psql(postgis, login, password, sql, dbname="osp_confiance"):
    """``(ok, output or error)`` of ``sql`` run by ``login`` through psql."""
    env = dict(os.environ, PGPASSWORD=password or "")
    done = subprocess.run(["psql", "-h", postgis["host"], "-p", str(postgis["port"]),
                           "-U", login, "-d", dbname, "-v", "ON_ERROR_STOP=1", "-qAt",
                           "-F", "|", "-c", sql], env=env, capture_output=True, text=True)
    return done.returncode == 0, (done.stdout if done.returncode == 0 else done.stderr).strip()


@pytest.fixture(scope="module")
def confiance(qgis_app, postgis, tmp_path_factory):
    """A database owned by a plain role (not a superuser), the schema by osp:init_base (run
    by the superuser), the first admin added by the owner, one login per partner kind,
    another application's role; dwellings, operations, notes (a draft among them)."""
    sql = postgis["psql"]
    sql("CREATE ROLE proprietaire LOGIN PASSWORD 'proprio-secret'", dbname="postgres")
    sql("CREATE ROLE appli_sig LOGIN PASSWORD 'appli-secret'", dbname="postgres")
    sql("CREATE DATABASE osp_confiance OWNER proprietaire", dbname="postgres")
    sql("CREATE EXTENSION postgis", dbname="osp_confiance")
    dsn = database_string(postgis, "osp_confiance")
    run("osp:init_base", {"DATABASE": dsn}, Log())
    folder = tmp_path_factory.mktemp("logins_confiance")
    passwords = {}

    def add(login, group, as_login=None, as_password=None):
        path = str(folder / ("%s.txt" % login))
        source = dsn if as_login is None else database_string(postgis, "osp_confiance",
                                                              as_login, as_password)
        run("osp:ajouter_utilisateur", {"DATABASE": source, "LOGIN": login, "GROUP": group,
                                        "PASSWORD_FILE": path}, Log())
        with open(path, encoding="utf-8") as handle:
            passwords[login] = handle.read().split("Mot de passe : ")[1].strip()
        return path

    first = add("c_chef_ddtm", "osp_admin", "proprietaire", "proprio-secret")
    for login, group in (("c_sia1", "osp_bailleur_sia"), ("c_mc1", "osp_bailleur_mc"),
                         ("c_caph1", "osp_epci_caph"), ("c_ccpc1", "osp_epci_ccpc"),
                         ("c_lecteur1", "osp_lecteur")):
        add(login, group, "c_chef_ddtm", passwords["c_chef_ddtm"])
    sql("""
        INSERT INTO osp.logements (id_osp, ident_rep, ident_int, bailleur, epci, idcom, info,
                                   statut, geom)
        VALUES (1, '0000000001', 'SIA-A1', 'SIA', 'CAPH', '59001', 'note privée SIA', 'present',
                ST_SetSRID(ST_MakePoint(700001, 7050000), 2154)),
               (2, '0000000002', 'SIA-A2', 'SIA', 'CCPC', '62001', NULL, 'present',
                ST_SetSRID(ST_MakePoint(700002, 7050000), 2154)),
               (3, '0000000003', 'MC-B3', 'M&C', 'CAPH', '59001', 'note privée M&C', 'present',
                ST_SetSRID(ST_MakePoint(700003, 7050000), 2154));
        INSERT INTO osp.operations (id_op, nom, bailleur, epci, annee_prog, b_nb_total,
                                    b_obs, e_nb_total, e_obs, d_nb_total, d_obs,
                                    crhh_nb_valides)
        VALUES (1, 'SIA CAPH 1', 'SIA', 'CAPH', 2026, 10, 'brouillon SIA', 12, 'avis CAPH', 9,
                'avis DDTM', 9),
               (2, 'MC CCPC 2', 'M&C', 'CCPC', 2026, 20, 'brouillon M&C', 22, 'avis CCPC', 19,
                'avis DDTM 2', NULL);
        INSERT INTO osp.avancement (id_note, id_op, date, role, auteur, texte, statut)
        VALUES (1, 1, '2026-01-10', 'bailleur', 'SIA', 'publiée SIA', 'publie'),
               (2, 1, '2026-01-11', 'bailleur', 'SIA', 'brouillon SIA', 'brouillon'),
               (3, 2, '2026-01-12', 'epci', 'CCPC', 'brouillon CCPC', 'brouillon');
    """, dbname="osp_confiance")
    # the partners' own edits leave audit rows
    ok, out = psql(postgis, "c_sia1", passwords["c_sia1"],
                   "UPDATE osp.operations SET b_obs = 'revu SIA', version = version + 1 "
                   "WHERE id_op = 1")
    assert ok, out
    ok, out = psql(postgis, "c_caph1", passwords["c_caph1"],
                   "UPDATE osp.operations SET e_obs = 'revu CAPH', version = version + 1 "
                   "WHERE id_op = 1")
    assert ok, out
    return {"postgis": postgis, "dsn": dsn, "passwords": passwords, "folder": folder,
            "first_admin_file": first}


def as_(confiance, login, sql):
    return psql(confiance["postgis"], login, confiance["passwords"][login], sql)


def rows(confiance, login, sql):
    ok, out = as_(confiance, login, sql)
    assert ok, out
    return [line.split("|") for line in out.splitlines() if line]


def verifier(confiance, role):
    return confiance["postgis"]["psql"]("SELECT rolpassword FROM pg_authid WHERE rolname = '%s'"
                                        % role, dbname="postgres").strip()


def test_an_osp_admin_cannot_take_over_a_role_the_osp_did_not_create(confiance, tmp_path):
    from qgis.core import QgsProcessingException
    admin = database_string(confiance["postgis"], "osp_confiance", "c_chef_ddtm",
                            confiance["passwords"]["c_chef_ddtm"])
    for role, group in (("postgres", "osp_lecteur"), ("proprietaire", "osp_admin"),
                        ("appli_sig", "osp_bailleur_sia"), ("osp_admin", "osp_lecteur"),
                        ("pg_monitor", "osp_lecteur")):
        before = verifier(confiance, role)
        path = str(tmp_path / ("%s.txt" % role))
        with pytest.raises(QgsProcessingException, match="refusé|n'est pas un identifiant "
                                                         "créé par l'OSP"):
            run("osp:ajouter_utilisateur", {"DATABASE": admin, "LOGIN": role, "GROUP": group,
                                            "PASSWORD_FILE": path})
        assert verifier(confiance, role) == before, role
        assert not os.path.exists(path)
    # the superuser's and the application's own passwords still open their sessions
    assert psql(confiance["postgis"], "appli_sig", "appli-secret", "SELECT 1")[0]
    assert psql(confiance["postgis"], "proprietaire", "proprio-secret", "SELECT 1")[0]
    membership = confiance["postgis"]["psql"](
        "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE "
        "r.rolname IN ('appli_sig', 'proprietaire', 'postgres')", dbname="postgres")
    assert membership.strip() == "0"
    # a login the OSP created is reset: new password, old one refused
    old = confiance["passwords"]["c_lecteur1"]
    path = str(tmp_path / "lecteur1.txt")
    run("osp:ajouter_utilisateur", {"DATABASE": admin, "LOGIN": "c_lecteur1",
                                    "GROUP": "osp_lecteur", "PASSWORD_FILE": path})
    with open(path, encoding="utf-8") as handle:
        new = handle.read().split("Mot de passe : ")[1].strip()
    assert not psql(confiance["postgis"], "c_lecteur1", old, "SELECT 1")[0]
    assert psql(confiance["postgis"], "c_lecteur1", new, "SELECT 1")[0]
    confiance["passwords"]["c_lecteur1"] = new


def test_the_owner_added_the_first_admin_and_password_files_are_private(confiance):
    assert confiance["postgis"]["psql"](
        "SELECT pg_has_role('c_chef_ddtm', 'osp_admin', 'MEMBER')",
        dbname="osp_confiance").strip() == "t"
    for name in os.listdir(str(confiance["folder"])):
        mode = stat.S_IMODE(os.stat(str(confiance["folder"] / name)).st_mode)
        assert mode == 0o600, (name, oct(mode))


def test_a_landlord_reads_its_own_dwellings_only(confiance):
    assert rows(confiance, "c_sia1", "SELECT id_osp, ident_int, info FROM osp.logements "
                                   "ORDER BY 1") == [["1", "SIA-A1", "note privée SIA"],
                                                     ["2", "SIA-A2", ""]]
    assert rows(confiance, "c_mc1", "SELECT id_osp, info FROM osp.logements") == \
        [["3", "note privée M&C"]]
    assert rows(confiance, "c_mc1", "SELECT count(*) FROM osp.logements WHERE info LIKE "
                                  "'%SIA%' OR ident_int LIKE 'SIA%'") == [["0"]]


def test_an_epci_reads_its_territory_without_the_landlords_private_fields(confiance):
    assert rows(confiance, "c_caph1", "SELECT id_osp, bailleur FROM osp.logements_territoire "
                                    "ORDER BY 1") == [["1", "SIA"], ["3", "M&C"]]
    for column in ("info", "ident_int", "historique"):
        ok, error = as_(confiance, "c_caph1", "SELECT %s FROM osp.logements" % column)
        assert not ok and "permission denied" in error, column
    assert rows(confiance, "c_lecteur1", "SELECT count(*) FROM osp.logements") == [["3"]]


def test_blocks_are_read_by_their_author_and_the_state_only(confiance):
    assert rows(confiance, "c_sia1", "SELECT id_op, b_obs FROM osp.operations") == \
        [["1", "revu SIA"]]
    for column in ("e_obs", "d_obs", "e_nb_total", "d_nb_total", "historique"):
        ok, error = as_(confiance, "c_sia1", "SELECT %s FROM osp.operations" % column)
        assert not ok and "permission denied" in error, column
        ok, error = as_(confiance, "c_sia1", "SELECT %s FROM osp.operations_partagees" % column)
        assert not ok, column
    ok, error = as_(confiance, "c_caph1", "SELECT b_obs FROM osp.operations")
    assert not ok and "permission denied" in error
    assert rows(confiance, "c_caph1", "SELECT id_op, e_obs FROM osp.operations") == \
        [["1", "revu CAPH"]]
    assert rows(confiance, "c_mc1", "SELECT id_op, b_obs FROM osp.operations") == \
        [["2", "brouillon M&C"]]
    # the identity and the CRHH decision of every operation are shared
    for login in ("c_sia1", "c_mc1", "c_caph1", "c_ccpc1"):
        assert rows(confiance, login, "SELECT id_op, nom, crhh_nb_valides FROM "
                                      "osp.operations_partagees ORDER BY 1") == \
            [["1", "SIA CAPH 1", "9"], ["2", "MC CCPC 2", ""]], login
    assert rows(confiance, "c_lecteur1", "SELECT b_obs, e_obs, d_obs FROM osp.operations "
                                       "WHERE id_op = 2") == [["brouillon M&C", "avis CCPC",
                                                                "avis DDTM 2"]]
    # the editing view carries the same rights as the table
    assert rows(confiance, "c_sia1", "SELECT id_op FROM osp.operations_bloc_bailleur") == [["1"]]
    ok, error = as_(confiance, "c_sia1", "UPDATE osp.operations_bloc_bailleur SET b_nb_c = 3, "
                                       "b_nb_bbc = 7, version = version + 1 WHERE id_op = 1")
    assert ok, error
    ok, error = as_(confiance, "c_sia1", "SELECT * FROM osp.operations_bloc_epci")
    assert not ok and "permission denied" in error


def test_drafts_are_read_by_their_authors_group_and_the_state(confiance):
    def texts(login):
        return sorted(r[0] for r in rows(confiance, login, "SELECT texte FROM osp.avancement"))
    assert texts("c_sia1") == ["brouillon SIA", "publiée SIA"]
    assert texts("c_mc1") == ["publiée SIA"]
    assert texts("c_caph1") == ["publiée SIA"]
    assert texts("c_ccpc1") == ["brouillon CCPC", "publiée SIA"]
    assert texts("c_lecteur1") == ["brouillon CCPC", "brouillon SIA", "publiée SIA"]


def test_each_partner_reads_the_audit_of_its_own_rows_without_the_others_blocks(confiance,
                                                                               tmp_path):
    ok, error = as_(confiance, "c_sia1", "SELECT count(*) FROM osp.audit")
    assert not ok and "permission denied" in error
    mine = rows(confiance, "c_sia1", "SELECT table_nom, bailleur, coalesce(avant::text, ''), "
                                   "coalesce(apres::text, '') FROM osp.historique_partenaire")
    assert mine and {r[1] for r in mine} == {"SIA"}
    text = " ".join(r[2] + r[3] for r in mine)
    assert "revu SIA" in text
    for secret in ("revu CAPH", "avis CAPH", "avis DDTM", "e_obs", "d_obs", "M&C"):
        assert secret not in text, secret
    theirs = rows(confiance, "c_caph1", "SELECT table_nom, coalesce(avant::text, '') || "
                                      "coalesce(apres::text, '') FROM osp.historique_partenaire")
    text = " ".join(r[1] for r in theirs)
    assert "revu CAPH" in text and "revu SIA" not in text and "note privée" not in text
    assert "SIA-A1" not in text and "MC-B3" not in text
    # osp:historique as a landlord: its own rows only
    import csv
    out = str(tmp_path / "historique.csv")
    landlord = database_string(confiance["postgis"], "osp_confiance", "c_mc1",
                               confiance["passwords"]["c_mc1"])
    run("osp:historique", {"DATABASE": landlord, "OUTPUT": out})
    with open(out, encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert exported and {r["bailleur"] for r in exported} == {"M&C"}


def test_init_base_on_an_up_to_date_base_changes_nothing(confiance):
    sql = confiance["postgis"]["psql"]
    sql("UPDATE layer_styles SET description = 'retouché par la DDTM' WHERE stylename = "
        "'OSP – opérations'", dbname="osp_confiance")
    before = sql("SELECT id, stylename, md5(styleqml::text), description, update_time FROM "
                 "layer_styles ORDER BY id", dbname="osp_confiance")
    audit = sql("SELECT count(*) FROM osp.audit", dbname="osp_confiance")
    result = run("osp:init_base", {"DATABASE": confiance["dsn"]}, Log())
    assert result["N_MIGRATIONS"] == 0
    assert sql("SELECT id, stylename, md5(styleqml::text), description, update_time FROM "
               "layer_styles ORDER BY id", dbname="osp_confiance") == before
    assert "retouché par la DDTM" in before
    assert sql("SELECT count(*) FROM osp.audit", dbname="osp_confiance") == audit
