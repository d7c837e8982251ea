"""The money at the scale of the whole ERBM (make bench): 2 000 operations, a financing plan
of three lines each, 20 000 payment lines; the financial recap and the CRHH recap of the
same 2 000 operations (targets: 10 s each)."""
import datetime
import os
import random
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OPERATIONS, PAYMENTS = 2000, 20000


def programmation(work):
    return os.path.join(work, "finance_bench.gpkg")


def step_setup_finance(data, work, run):
    """The bench programmation: the sample's operations repeated to 2 000 (new ids and
    names), each with the State, the Région and own funds, 20 000 payments."""
    from osp_erbm.processing_algs.programmation import store
    path = programmation(work)
    if os.path.exists(path):
        os.remove(path)
    source = os.path.join(data, "programmation", "programmation.gpkg")
    if not os.path.exists(source):      # bench data hold no programmation: the sample's
        sys.path.insert(0, os.path.join(REPO, "tools"))
        import sample_data
        sample = os.path.join(work, "echantillon")
        if not os.path.exists(os.path.join(sample, "programmation", "programmation.gpkg")):
            sample_data.generate(sample)
        source = os.path.join(sample, "programmation", "programmation.gpkg")
    shutil.copyfile(source, path)
    run("osp:programmation_init", {"OUTPUT": path})
    rng = random.Random(2026)

    def change(operations, financements, versements):
        base = [dict(op) for op in operations]
        out = []
        for n in range(OPERATIONS):
            op = dict(base[n % len(base)])
            op.update({"id_op": n + 1, "nom": "%s %d" % (op["nom"], n), "version": 1,
                       "crhh_nb_valides": 20 + n % 90, "statut": "valide",
                       "annee_prog": 2021,
                       "date_notification": datetime.date(2019 + n % 6, 1 + n % 12, 1),
                       "cout_total_ttc": float((20 + n % 90) * 45000)})
            out.append(op)
        lines, payments = [], []
        for op in out:
            for funder, rate in (("ETAT", 9000), ("REGION", 5000), ("FP", 31000)):
                amount = float(op["crhh_nb_valides"] * rate)
                lines.append({"id_fin": len(lines) + 1, "id_op": op["id_op"],
                              "financeur": funder, "montant_prevu": amount,
                              "montant_engage": amount if funder != "FP" else None,
                              "date_engagement": None, "reference": None, "obs": None})
        engaged = [l for l in lines if l["montant_engage"]]
        for n in range(PAYMENTS):
            line = engaged[n % len(engaged)]
            payments.append({"id_vers": n + 1, "id_fin": line["id_fin"],
                             "id_op": line["id_op"],
                             "date": datetime.date(2021, 1, 1) + datetime.timedelta(
                                 days=rng.randrange(1500)),
                             "montant": round(line["montant_engage"] / 20, 2),
                             "type": "acompte", "reference": None})
        return out, lines, payments
    t = time.perf_counter()
    store.update_finance_gpkg(path, change)
    return {"seconds": time.perf_counter() - t}


def step_financement_recap(data, work, run, fresh):
    t = time.perf_counter()
    run("osp:financement_recap", {"OPERATIONS": programmation(work), "DATE": "07/12/2026",
                                  "OUTPUT_XLSX": fresh(os.path.join(work, "fin.xlsx")),
                                  "OUTPUT_FOLDER": os.path.join(work, "fin_pdf")})
    return {"seconds": time.perf_counter() - t, "operations": OPERATIONS,
            "payments": PAYMENTS}


def step_programmation_recap(data, work, run, fresh):
    t = time.perf_counter()
    run("osp:programmation_recap", {"OPERATIONS": programmation(work), "ANNEE": 2021,
                                    "OUTPUT_XLSX": fresh(os.path.join(work, "crhh.xlsx")),
                                    "OUTPUT_FOLDER": os.path.join(work, "crhh_pdf")})
    return {"seconds": time.perf_counter() - t, "operations": OPERATIONS}


