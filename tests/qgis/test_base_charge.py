"""Load on the shared base (issue 13): 20 editors, each with its own login session, update
dwellings for 60 s (``OSP_CHARGE_SECONDES``) as a landlord would — read the row, write it
back with the version read + 1.  No update may be lost, no error may occur but the
expected conflicts; throughput and p95 latency are written to
tests/artifacts/charge_base.json (README « Performances »)."""
import json
import os
import random
import threading
import time

from conftest import ARTIFACTS

EDITORS = 20
DWELLINGS = 50
SECONDS = float(os.environ.get("OSP_CHARGE_SECONDES", "60"))


def test_twenty_editors_for_a_minute_lose_no_update(qgis_app, postgis):
    import psycopg2

    from osp_erbm.processing_algs.base_partagee import database as base_io
    from osp_erbm.processing_algs.common import postgres
    postgis["psql"]("create database osp_charge", dbname="postgres")
    dsn = "dbname=osp_charge host=%s port=%s user=postgres" % (postgis["host"], postgis["port"])
    database = postgres.Database(dsn)
    base_io.migrate(database)
    base_io.create_partners(database)
    base_io.add_user(database, "charge", "osp_bailleur_sia", "Mot-De-Passe-De-Charge-1")
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        for n in range(1, DWELLINGS + 1):
            cursor.execute("INSERT INTO osp.logements (id_osp, bailleur, info) VALUES "
                           "(%s, 'SIA', '')", (n,))
    connection.close()
    as_landlord = dsn.replace("user=postgres", "user=charge password=Mot-De-Passe-De-Charge-1")
    deadline = time.monotonic() + SECONDS
    saved = [[] for _ in range(EDITORS)]        # (id_osp, token) of each saved update
    latencies = [[] for _ in range(EDITORS)]
    conflicts = [0] * EDITORS
    errors = [[] for _ in range(EDITORS)]

    def editor(k):
        rng = random.Random(k)
        connection = psycopg2.connect(as_landlord)
        n = 0
        try:
            while time.monotonic() < deadline:
                id_osp, n = rng.randint(1, DWELLINGS), n + 1
                token = "e%d.%d;" % (k, n)
                began = time.perf_counter()
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT version, info FROM osp.logements WHERE "
                                       "id_osp = %s", (id_osp,))
                        version, info = cursor.fetchone()
                        cursor.execute("UPDATE osp.logements SET info = %s, version = %s "
                                       "WHERE id_osp = %s", (info + token, version + 1, id_osp))
                    connection.commit()
                except psycopg2.Error as error:
                    connection.rollback()
                    if error.pgcode == "40001" and "Conflit de modification" in error.pgerror:
                        conflicts[k] += 1
                    else:
                        errors[k].append(error.pgerror)
                    continue
                latencies[k].append(time.perf_counter() - began)
                saved[k].append((id_osp, token))
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(k,)) for k in range(EDITORS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    assert [e for es in errors for e in es] == []
    tokens = {}
    for k in range(EDITORS):
        for id_osp, token in saved[k]:
            tokens.setdefault(id_osp, []).append(token)
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT id_osp, version, info FROM osp.logements")
        final = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
        cursor.execute("SELECT cle, count(*) FROM osp.audit WHERE action = 'UPDATE' "
                       "GROUP BY cle")
        audited = dict(cursor.fetchall())
        cursor.execute("SELECT fid, id_osp FROM osp.logements")
        fid_of = {row[1]: row[0] for row in cursor.fetchall()}
    connection.close()
    n_saved = sum(len(s) for s in saved)
    assert n_saved > 0 and sum(conflicts) > 0   # the load did meet the lock
    for id_osp, (version, info) in final.items():
        mine = tokens.get(id_osp, [])
        # every saved update is in the row (none lost), in the order the server took them
        assert sorted(t for t in info.split(";") if t) == sorted(t.rstrip(";") for t in mine)
        assert version == 1 + len(mine)
        assert audited.get(fid_of[id_osp], 0) == len(mine)
    ordered = sorted(x for xs in latencies for x in xs)
    figures = {"editeurs": EDITORS, "logements": DWELLINGS, "duree_s": round(elapsed, 1),
               "enregistrements": n_saved, "conflits": sum(conflicts), "erreurs": 0,
               "mises_a_jour_par_s": round(n_saved / elapsed, 1),
               "latence_p50_ms": round(1000 * ordered[len(ordered) // 2], 1),
               "latence_p95_ms": round(1000 * ordered[int(len(ordered) * 0.95)], 1)}
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(os.path.join(ARTIFACTS, "charge_base.json"), "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=1)
    print(figures)
