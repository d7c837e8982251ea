#!/usr/bin/python3
"""`make bench`: measure the plugin at ERBM or département scale against QGIS's own way.

    BENCH_SIZE=erbm|departement BENCH_RUNS=3 /usr/bin/python3 bench/run.py

Data are generated once per size with the project's generator (seeded) and cached in
bench/data/<size>/.  Each step runs BENCH_RUNS times, each time in a fresh process under
``/usr/bin/time -v``: the wall time is the operation's own (QGIS start-up excluded), the
memory is the process's peak RSS.  The plugin is compiled to bytecode first, as QGIS has it
from its second start on.  Writes bench/results.json and bench/results.md (one section per
size, the latest run).
"""
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PY = "/usr/bin/python3"
SIZES = {"erbm": {"dwellings": 30000, "parcels": 300000, "locaux": 1000000},
         "departement": {"dwellings": 420000, "parcels": 3500000, "locaux": 1000000}}
# (step, label, target in seconds or None)
STEPS = {
    "erbm": [("plugin_import", "Chargement du plugin au démarrage de QGIS (import + fournisseur)",
              0.3),
             ("join_osp", "Jointure osp:joinbailleurparcelles", 1),
             ("join_osp_again", "Jointure suivante dans la même session QGIS", None),
             ("join_native", "Jointure native (pointonsurface + joinattributestable)", None),
             ("floor", "Lecture GDAL de toutes les parcelles (ogrinfo -al -q)", None),
             ("join_postgis", "Jointure, parcelles dans PostGIS (recherche sur le serveur)",
              1),
             ("join_db_table", "Jointure, table bailleur et parcelles dans PostGIS "
                               "(table lue en texte par COPY)", None),
             ("join_flat", "Jointure, parcelles en GeoJSON par le fournisseur QGIS (une "
                           "lecture du fichier)", None),
             ("flat_to_gpkg", "Conversion du GeoJSON en GeoPackage indexé (une fois par "
                              "fichier)", None),
             ("join_flat_copy", "Jointure, parcelles en GeoJSON par leur copie GeoPackage "
                                "(déjà faite)", None),
             ("join_ff", "Jointure par les Fichiers fonciers (1 M locaux)", 30),
             ("ff_lecture", "Fichiers fonciers : lecture et repérage des logements sociaux "
                            "(1 M locaux)", 10),
             ("croisement_ff", "Croisement osp:croisement_ff (1 M locaux, 30 k logements)", 30),
             ("synthese_osp", "Classeur OSP osp:synthese (30 k logements)", 5),
             ("synthese_pandas", "Mêmes onglets avec pandas.to_excel", None),
             ("atlas", "Atlas des 330 communes (osp:atlas, PDF unique)", None),
             ("render", "Ouverture et premier rendu de la couche d'analyse", None),
             ("analyse", "Couche d'analyse osp:analyselogement (30 k logements)", None),
             ("parc_social", "Indicateurs du parc social osp:indicateurs_parc_social (30 k "
                             "lignes RPLS, 150 k adresses BAN, grille 1 km, secret)", None),
             ("financement_recap", "Récapitulatif financier (2 000 opérations, 20 000 "
                                   "versements, XLSX et PDF)", 10),
             ("programmation_recap", "Récapitulatif CRHH (2 000 opérations)", 10),
             ("publication_getmap", "Publication : GetMap 1 000 × 800 px, toute l'emprise, "
                                    "comme un bailleur (95e centile)", 2),
             ("publication_wfs", "Publication : GetFeature WFS filtré, comme un bailleur (95e "
                                 "centile)", 1),
             ("livraison", "Livraison de 420 k logements dans les dix formats, en CC50 "
                           "(osp:livrables)", None)],
    "departement": [("join_osp", "Jointure osp:joinbailleurparcelles", 8),
                    ("join_native", "Jointure native (pointonsurface + joinattributestable)",
                     None),
                    ("floor", "Lecture GDAL de toutes les parcelles (ogrinfo -al -q)", None),
                    ("join_postgis", "Jointure, parcelles dans PostGIS (3,5 M, recherche sur "
                                     "le serveur)", 8),
                    ("join_db_table", "Jointure, table bailleur et parcelles dans PostGIS "
                                      "(table lue en texte par COPY)", None),
                    ("join_ff", "Jointure par les Fichiers fonciers (1 M locaux)", 30),
                    ("ff_lecture", "Fichiers fonciers : lecture et repérage des logements "
                                   "sociaux (1 M locaux)", 10),
                    ("croisement_ff", "Croisement osp:croisement_ff (1 M locaux, 420 k "
                                      "logements)", 60),
                    ("synthese_osp", "Classeur OSP osp:synthese (420 k logements)", 30),
                    ("synthese_pandas", "Mêmes onglets avec pandas.to_excel", None),
                    ("render", "Ouverture et premier rendu de la couche d'analyse (420 k)",
                     None),
                    ("analyse", "Couche d'analyse osp:analyselogement (420 k logements)", 20),
                    ("parc_social", "Indicateurs du parc social (200 k lignes RPLS, 900 k "
                                    "adresses BAN, 648 communes, grille 1 km, secret)", None),
                    ("publication_getmap", "Publication : GetMap 1 000 × 800 px du "
                                           "département, comme un bailleur (95e centile)", 2),
                    ("publication_wfs", "Publication : GetFeature WFS filtré, comme un "
                                        "bailleur (95e centile)", 1),
                    ("growth", "Croissance du coût de la jointure (voir le tableau)", None)],
}
SETUP = {"synthese_osp": "setup_analyse", "croisement_ff": "setup_analyse",
         "synthese_pandas": "setup_analyse",
         "render": "setup_analyse", "atlas": "setup_atlas",
         "publication_getmap": "setup_publication", "publication_wfs": "setup_publication",
         "financement_recap": "setup_finance", "programmation_recap": "setup_finance",
         "livraison": "setup_livraison"}


def generate(size):
    data = os.path.join(HERE, "data", size)
    if os.path.exists(os.path.join(data, "bench_ff.csv")):
        return data
    spec = SIZES[size]
    subprocess.run([PY, os.path.join(REPO, "tools", "sample_data.py"), "--bench", "--out", data,
                    "--dwellings", str(spec["dwellings"]), "--parcels", str(spec["parcels"]),
                    "--locaux", str(spec["locaux"])], check=True)
    return data


def compile_plugin():
    """The plugin's modules compiled into ``__pycache__`` once, as Python does the first
    time QGIS loads the plugin: each step then imports it as a user's QGIS does from its
    second start on, even where the shell sets ``PYTHONDONTWRITEBYTECODE`` (which would
    otherwise make every step compile the plugin again)."""
    subprocess.run([PY, "-m", "compileall", "-q", "-l", REPO], check=True)
    subprocess.run([PY, "-m", "compileall", "-q"] + [
        os.path.join(REPO, name) for name in ("osp_qgis", "processing_algs")], check=True)


def measure(step, data, work):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["/usr/bin/time", "-v", PY, os.path.join(HERE, "steps.py"), step,
                           data, work], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError("%s a échoué :\n%s" % (step, done.stderr[-3000:]))
    line = next(l for l in done.stdout.splitlines() if l.startswith("BENCH "))
    result = json.loads(line[len("BENCH "):])
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    result["peak_rss_mb"] = int(rss.group(1)) / 1024 if rss else None
    return result


def machine():
    qgis = subprocess.run([PY, "-c", "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)"],
                          capture_output=True, text=True).stdout.strip()
    with open("/proc/meminfo") as handle:
        mem = int(re.search(r"MemTotal:\s+(\d+)", handle.read()).group(1)) / 1024 / 1024
    return {"cores": os.cpu_count(), "ram_gb": round(mem, 1), "qgis": qgis,
            "python": platform.python_version(), "system": platform.platform(),
            "date": datetime.datetime.now().isoformat(timespec="seconds")}


def growth_table(step):
    """The cost growth of the join, median of each size over the runs."""
    import statistics
    runs = step.get("runs", [])
    lines = ["", "Croissance du coût de la jointure (médianes) :", "",
             "| logements (3,5 M parcelles) | s | | parcelles (30 k logements) | s |",
             "|---|---|---|---|---|"]
    dwellings = sorted({int(k) for r in runs for k in r.get("by_dwellings", {})})
    parcels = sorted({int(k) for r in runs for k in r.get("by_parcels", {})})
    for n in range(max(len(dwellings), len(parcels))):
        left = right = ("", "")
        if n < len(dwellings):
            d = dwellings[n]
            left = ("%d" % d, "%.2f" % statistics.median(
                r["by_dwellings"][str(d)] if str(d) in r["by_dwellings"] else
                r["by_dwellings"][d] for r in runs))
        if n < len(parcels):
            p = parcels[n]
            right = ("%d" % p, "%.2f" % statistics.median(
                r["by_parcels"][str(p)] if str(p) in r["by_parcels"] else r["by_parcels"][p]
                for r in runs))
        lines.append("| %s | %s | | %s | %s |" % (left + right))
    return lines


def summarise(runs):
    seconds = [r["seconds"] for r in runs]
    rss = [r["peak_rss_mb"] for r in runs if r.get("peak_rss_mb")]
    out = {"median_s": statistics.median(seconds), "min_s": min(seconds), "max_s": max(seconds),
           "median_rss_mb": statistics.median(rss) if rss else None, "runs": runs}
    for key in ("native_seconds", "seconds_per_page", "cpu_seconds"):
        if key in runs[0]:
            out["median_" + key] = statistics.median(r[key] for r in runs)
    return out


def main():
    size = os.environ.get("BENCH_SIZE", "erbm")
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    only = [s for s in os.environ.get("BENCH_STEPS", "").split(",") if s]
    data = generate(size)
    compile_plugin()
    work = os.path.join(HERE, "data", size, "work")
    os.makedirs(work, exist_ok=True)
    shared = os.path.isdir(os.path.join(REPO, "..", "shared", "data", "territoires"))
    results = {"size": size, "spec": SIZES[size], "machine": machine(), "steps": {}}
    done_setup = set()
    for step, label, target in STEPS[size]:
        if only and step not in only:
            continue
        if step == "atlas" and not shared:
            print("atlas : ignoré (../shared/data absent)")
            continue
        setup = SETUP.get(step)
        cached = {"setup_analyse": "osp_erbm.gpkg", "setup_atlas": "atlas_in.gpkg",
                  "setup_finance": "finance_bench.gpkg",
                  "setup_livraison": "livraison_420k.gpkg",
                  "setup_publication": os.path.join("publication", "osp_erbm.qgs")}
        if setup and os.path.exists(os.path.join(work, cached[setup])):
            done_setup.add(setup)  # inputs kept from an earlier run (rm -r …/work to redo)
        if setup and setup not in done_setup:
            if setup in ("setup_analyse", "setup_publication", "setup_livraison") and \
                    not os.path.exists(os.path.join(work, "join.gpkg")):
                measure("join_osp", data, work)
            measure(setup, data, work)
            done_setup.add(setup)
        print("%s (%d passages)…" % (label, runs), flush=True)
        summary = summarise([measure(step, data, work) for _ in range(runs)])
        summary.update(label=label, target_s=target, date=results["machine"]["date"][:10])
        results["steps"][step] = summary
        print("   médiane %.2f s (%.2f–%.2f), pic mémoire %.0f Mo" % (
            summary["median_s"], summary["min_s"], summary["max_s"],
            summary["median_rss_mb"] or 0), flush=True)
    write(results, size)


def ratio(a, b):
    return a / b if a and b else None


def write(results, size):
    path = os.path.join(HERE, "results.json")
    everything = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            everything = json.load(handle)
    # a partial run (BENCH_STEPS) updates its steps and keeps the others' latest figures
    previous = everything.get(size, {}).get("steps", {})
    previous.update(results["steps"])
    results["steps"] = previous
    steps = results["steps"]
    get = lambda s, k="median_s": steps.get(s, {}).get(k)
    results["ratios"] = {
        "native_over_osp_join": ratio(get("join_native"), get("join_osp")),
        "native_over_osp_join_cpu": ratio(get("join_native", "median_cpu_seconds"),
                                          get("join_osp", "median_cpu_seconds")),
        "osp_join_over_floor": ratio(get("join_osp"), get("floor")),
        "postgis_join_over_gpkg_join": ratio(get("join_postgis"), get("join_osp")),
        "flat_join_over_copy_then_join": ratio(
            get("join_flat"), (get("flat_to_gpkg") or 0) + (get("join_flat_copy") or 0)),
        "flat_join_over_copy_join": ratio(get("join_flat"), get("join_flat_copy")),
        "osp_synthese_over_pandas": ratio(get("synthese_osp"), get("synthese_pandas")),
        "osp_atlas_over_native": ratio(get("atlas"), get("atlas", "median_native_seconds")),
    }
    everything[size] = results
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(everything, handle, ensure_ascii=False, indent=1)
    sections = [markdown(everything[k], k) for k in SIZES if k in everything]
    with open(os.path.join(HERE, "results.md"), "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(sections) + "\n")
    print(markdown(results, size))


def markdown(results, size):
    steps = results["steps"]
    m = results["machine"]
    lines = ["# Bancs d'essai OSP ERBM — taille « %s »" % size, "",
             "Machine : %s cœurs, %s Go, QGIS %s, Python %s — %s" % (
                 m["cores"], m["ram_gb"], m["qgis"], m["python"], m["date"]),
             "Données : %s logements, %s parcelles, %s locaux FF (générateur du projet)" % (
                 results["spec"]["dwellings"], results["spec"]["parcels"],
                 results["spec"]["locaux"]), "",
             "Une exécution partielle (BENCH_STEPS) garde les derniers chiffres des autres étapes :",
             "la colonne « mesurée le » dit de quel jour (et donc de quelle machine) est chacun.", "",
             "Temps processeur : celui du processus pendant l'opération, tous ses fils (la",
             "recherche des parcelles travaille à côté de la normalisation) ; moins sensible que",
             "le temps écoulé aux autres charges de la machine.", "",
             "| étape | médiane (s) | min–max (s) | processeur (s) | pic mémoire (Mo) | cible "
             "| mesurée le |",
             "|---|---|---|---|---|---|---|"]
    for step, s in steps.items():
        target = s.get("target_s")
        verdict = "" if target is None else ("≤ %s s : %s" % (
            ("%g" % target).replace(".", ","), "atteinte" if s["median_s"] <= target
            else "manquée"))
        cpu = s.get("median_cpu_seconds")
        lines.append("| %s | %.2f | %.2f–%.2f | %s | %.0f | %s | %s |" % (
            s["label"], s["median_s"], s["min_s"], s["max_s"],
            "" if cpu is None else "%.2f" % cpu, s["median_rss_mb"] or 0,
            verdict, s.get("date", "")))
    lines += ["", "| rapport | valeur |", "|---|---|"]
    labels = {"native_over_osp_join": "jointure native ÷ osp (cible ≥ 10)",
              "native_over_osp_join_cpu": "jointure native ÷ osp, en temps processeur (les "
                                          "deux fils comptés)",
              "osp_join_over_floor": "jointure osp ÷ lecture GDAL de toutes les parcelles",
              "postgis_join_over_gpkg_join": "jointure parcelles PostGIS ÷ parcelles GeoPackage "
                                             "(cible ≤ 1)",
              "flat_join_over_copy_then_join": "GeoJSON : fournisseur ÷ (conversion + jointure "
                                               "sur la copie), première fois",
              "flat_join_over_copy_join": "GeoJSON : fournisseur ÷ jointure sur la copie "
                                          "déjà faite",
              "osp_synthese_over_pandas": "classeur osp ÷ pandas.to_excel",
              "osp_atlas_over_native": "atlas osp ÷ native:atlaslayouttopdf (cible ≤ 1,2)"}
    for key, value in results["ratios"].items():
        if value is not None:
            lines.append("| %s | %.2f |" % (labels[key], value))
    if "growth" in steps:
        lines += growth_table(steps["growth"])
    if "atlas" in steps:
        lines.append("| atlas : secondes par page | %.2f |"
                     % steps["atlas"]["median_seconds_per_page"])
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
