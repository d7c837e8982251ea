#!/usr/bin/python3
"""`make demo`: generate the sample data set and run the main pipeline headless
through qgis_process, with the plugin installed in a private profile."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import install_profile  # noqa: E402
import sample_data  # noqa: E402

SHEETS = ("mc_logements_rehabilites.xlsx", "sia_logements.csv", "mc_2019.ods",
          "sia_2021_utf8.csv")


def qgis_process(profile, *args):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=profile, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["qgis_process.bin"] + list(args), env=env, capture_output=True,
                          text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit("qgis_process a échoué (%s)" % " ".join(args[:2]))
    return done.stdout


def main(out):
    out = os.path.abspath(out)
    data = os.path.join(out, "donnees")
    print("1. Jeu d'exemple (territoire fictif du Bassin minier)…")
    counts = sample_data.generate(data)
    print("   %s" % ", ".join("%d %s" % (v, k) for k, v in counts.items()))
    profile = os.path.join(out, ".profil_qgis")
    install_profile.install(profile)
    gpkg = os.path.join(data, "territoire.gpkg")
    print("2. Jointure des tables bailleurs aux parcelles (qgis_process, osp:joinbailleurparcelles)")
    written = []
    for sheet in SHEETS:
        stem = os.path.splitext(sheet)[0]
        target = os.path.join(out, "logements_%s.gpkg" % stem)
        anomalies = os.path.join(out, "anomalies_%s.csv" % stem)
        for path in (target, anomalies):
            if os.path.exists(path):
                os.remove(path)
        log = qgis_process(profile, "run", "osp:joinbailleurparcelles", "--",
                           "INPUT=" + os.path.join(data, "bailleurs", sheet),
                           "PARCELS=%s|layername=parcelles" % gpkg,
                           "LOCAUX=" + os.path.join(data, "pb0010_local.csv"),
                           "ADDRESSES=%s|layername=adresses" % gpkg,
                           "OUTPUT=" + target, "ANOMALIES=" + anomalies)
        summary = [l for l in log.splitlines() if l.startswith(("Lignes lues", "Localisés",
                                                                 "Non localisés", "Doublons"))]
        print("   %s : %s" % (sheet, " | ".join(summary)))
        written += [target, anomalies]
    print("3. Couche « Analyse au logement par bailleur » (osp:analyselogement, les quatre envois)")
    osp = os.path.join(out, "osp_erbm.gpkg")
    if os.path.exists(osp):
        os.remove(osp)
    merged = os.path.join(out, "logements_tous_bailleurs.gpkg")
    if os.path.exists(merged):
        os.remove(merged)
    qgis_process(profile, "run", "native:mergevectorlayers", "--", "CRS=EPSG:2154",
                 *["LAYERS=" + os.path.join(out, "logements_%s.gpkg" % os.path.splitext(s)[0])
                   for s in SHEETS], "OUTPUT=" + merged)
    log = qgis_process(profile, "run", "osp:analyselogement", "--", "INPUT=" + merged,
                       "COMMUNES=%s|layername=communes" % gpkg,
                       "EPCI=%s|layername=epci" % gpkg, "CITES=%s|layername=cites" % gpkg,
                       "OUTPUT=" + osp)
    print("   " + " | ".join(l for l in log.splitlines()
                             if l.startswith(("Logements dans", "Communes incoh"))))
    written.append(osp)
    print("4. Classeur OSP et rapport qualité (osp:synthese)")
    anomalies = os.path.join(out, "anomalies_tous_bailleurs.gpkg")
    if os.path.exists(anomalies):
        os.remove(anomalies)
    qgis_process(profile, "run", "native:mergevectorlayers", "--",
                 *["LAYERS=" + os.path.join(out, "anomalies_%s.csv" % os.path.splitext(s)[0])
                   for s in SHEETS], "OUTPUT=" + anomalies)
    xlsx, html = os.path.join(out, "OSP_synthese.xlsx"), os.path.join(out, "OSP_qualite.html")
    log = qgis_process(profile, "run", "osp:synthese", "--",
                       "INPUT=%s|layername=analyse_logement" % osp, "ANOMALIES=" + anomalies,
                       "DECISIONS=" + os.path.join(data, "decisions.csv"),
                       "OUTPUT_XLSX=" + xlsx, "OUTPUT_HTML=" + html)
    print("   " + next((l[l.index("Parmi les"):] for l in log.splitlines() if "Parmi les" in l),
                       ""))
    written += [xlsx, html]
    print("5. Atlas (osp:atlas) : un PDF par EPCI et la vue d'ensemble du Bassin minier")
    for scale, folder, extra in (("2", "atlas_epci", ["EPCI=%s|layername=epci" % gpkg,
                                                      "COMMUNES=%s|layername=communes" % gpkg]),
                                 ("4", "atlas_bassin", ["EPCI=%s|layername=epci" % gpkg])):
        target = os.path.join(out, folder)
        if os.path.isdir(target):
            for name in os.listdir(target):
                os.remove(os.path.join(target, name))
        log = qgis_process(profile, "run", "osp:atlas", "--",
                           "INPUT=%s|layername=analyse_logement" % osp, "SCALE=" + scale,
                           "CITES=%s|layername=cites" % gpkg, *extra,
                           "OUTPUT_FOLDER=" + target, "PNG_PREVIEW=true")
        pages = next((l.split("\t")[-1] for l in log.splitlines() if l.startswith("N_PAGES")), "?")
        print("   %s : %s page(s)" % (folder, pages))
        written.append(target)
    print("\nRésultats dans %s :" % out)
    for path in written:
        print("   " + os.path.relpath(path, os.getcwd()))
    print("   données d'entrée : %s" % os.path.relpath(data, os.getcwd()))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo_output")
