#!/usr/bin/python3
"""`make demo`: generate the sample data set and run the three modules headless through
qgis_process, with the plugin installed in a private profile: programmation (partner
workbooks, a landlord's return, the DDTM's sheet, CRHH recap and PDFs), renovated
dwellings (join, analyse layer, workbook), maps (atlas)."""
import os
import shutil
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import install_profile
import sample_data
import sample_finance
import sample_programmation

sys.path.insert(0, os.path.dirname(HERE))
from osp_qgis.files import fresh

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


def main(out, base=None):
    """``base``: a PostgreSQL connection string (`make demo-db`): the programmation and the
    analyse layer go into the shared base's schema osp, and the next steps read them there."""
    out = os.path.abspath(out)
    data = os.path.join(out, "donnees")
    print("1. Jeu d'exemple (territoire fictif du Bassin minier)…")
    counts = sample_data.generate(data)
    print("   %s" % ", ".join("%d %s" % (v, k) for k, v in counts.items()))
    profile = os.path.join(out, ".profil_qgis")
    install_profile.install(profile)
    gpkg = os.path.join(data, "territoire.gpkg")
    programmation, programmation_outputs = demo_programmation(profile, data, out, gpkg, base)
    written = list(programmation_outputs)
    if base is None:
        written += demo_finance(profile, data, out, programmation)
    print("3. Jointure des tables bailleurs aux parcelles (qgis_process, osp:joinbailleurparcelles)")
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
    print("4. Couche « Analyse au logement par bailleur » (osp:analyselogement, les quatre envois)")
    osp = os.path.join(out, "osp_erbm.gpkg")
    if os.path.exists(osp):
        os.remove(osp)
    analyse_output, analyse_input = osp, "%s|layername=analyse_logement" % osp
    if base:   # the shared base's dwellings: imported (merged) in one transaction
        table = "%s key='fid' srid=2154 type=Point table=\"osp\".\"logements\" (geom)" % base
        analyse_output, analyse_input = "postgis:" + table, "postgres://" + table
    merged = os.path.join(out, "logements_tous_bailleurs.gpkg")
    if os.path.exists(merged):
        os.remove(merged)
    qgis_process(profile, "run", "native:mergevectorlayers", "--", "CRS=EPSG:2154",
                 *["LAYERS=" + os.path.join(out, "logements_%s.gpkg" % os.path.splitext(s)[0])
                   for s in SHEETS], "OUTPUT=" + merged)
    log = qgis_process(profile, "run", "osp:analyselogement", "--", "INPUT=" + merged,
                       "COMMUNES=%s|layername=communes" % gpkg,
                       "EPCI=%s|layername=epci" % gpkg, "CITES=%s|layername=cites" % gpkg,
                       "OUTPUT=" + analyse_output)
    print("   " + (" | ".join(l for l in log.splitlines()
                              if l.startswith(("Logements dans", "Communes incoh"))) or
                     _counts(log, ("N_DWELLINGS", "logements dans la base partagée"),
                             ("N_ADDED", "ajoutés"), ("N_UPDATED", "mis à jour"))))
    if not base:
        written.append(osp)
    print("5. Croisement avec les Fichiers fonciers (osp:croisement_ff)")
    locaux = os.path.join(data, "pb0010_local.csv")
    ff_outputs = [os.path.join(out, "ff_%s.gpkg" % n)
                  for n in ("non_remontes", "comparaison_parcelles", "part_logements_sociaux")]
    for path in ff_outputs:
        if os.path.exists(path):
            os.remove(path)
    log = qgis_process(profile, "run", "osp:croisement_ff", "--", "LOCAUX=" + locaux,
                       "INPUT=" + analyse_input, "PARCELS=%s|layername=parcelles" % gpkg,
                       "COMMUNES=%s|layername=communes" % gpkg,
                       "MISSING=" + ff_outputs[0], "PARCEL_COMPARISON=" + ff_outputs[1],
                       "INDICATORS=" + ff_outputs[2])
    print("   " + _counts(log, ("N_LOCAUX", "locaux"), ("N_SOCIAUX_FF", "logements sociaux"),
                          ("N_MISSING", "non remontés")))
    written += ff_outputs
    print("6. Classeur OSP, rapport qualité, suivi de l'ambition et Fichiers fonciers "
          "(osp:synthese)")
    anomalies = os.path.join(out, "anomalies_tous_bailleurs.gpkg")
    if os.path.exists(anomalies):
        os.remove(anomalies)
    qgis_process(profile, "run", "native:mergevectorlayers", "--",
                 *["LAYERS=" + os.path.join(out, "anomalies_%s.csv" % os.path.splitext(s)[0])
                   for s in SHEETS], "OUTPUT=" + anomalies)
    xlsx, html = os.path.join(out, "OSP_synthese.xlsx"), os.path.join(out, "OSP_qualite.html")
    log = qgis_process(profile, "run", "osp:synthese", "--",
                       "INPUT=" + analyse_input, "ANOMALIES=" + anomalies,
                       "DECISIONS=" + os.path.join(data, "decisions.csv"),
                       "OPERATIONS=" + programmation, "LOCAUX=" + locaux,
                       "OUTPUT_XLSX=" + xlsx, "OUTPUT_HTML=" + html)
    print("   " + next((l[l.index("Parmi les"):] for l in log.splitlines() if "Parmi les" in l),
                       ""))
    written += [xlsx, html]
    print("7. Atlas (osp:atlas) : un PDF par EPCI et la vue d'ensemble du Bassin minier")
    for scale, folder, extra in (("2", "atlas_epci", ["EPCI=%s|layername=epci" % gpkg,
                                                      "COMMUNES=%s|layername=communes" % gpkg]),
                                 ("4", "atlas_bassin", ["EPCI=%s|layername=epci" % gpkg])):
        target = os.path.join(out, folder)
        if os.path.isdir(target):
            for name in os.listdir(target):
                os.remove(os.path.join(target, name))
        log = qgis_process(profile, "run", "osp:atlas", "--",
                           "INPUT=" + analyse_input, "SCALE=" + scale,
                           "CITES=%s|layername=cites" % gpkg, *extra,
                           "OUTPUT_FOLDER=" + target, "PNG_PREVIEW=true")
        pages = next((l.split("\t")[-1] for l in log.splitlines() if l.startswith("N_PAGES")), "?")
        print("   %s : %s page(s)" % (folder, pages))
        written.append(target)
    if base is None:
        written += demo_parc_social(profile, data, out, gpkg, analyse_input)
        written += demo_publication(profile, out, [analyse_input.split("|")[0], programmation,
                                                   os.path.join(out, "parc_social.gpkg")])
        written += demo_bilans(profile, data, out, programmation, analyse_input)
        written += demo_livraison(profile, out, [
            analyse_input, "%s|layername=cites" % gpkg, "%s|layername=operations" % programmation,
            "%s|layername=communes" % os.path.join(out, "parc_social.gpkg")])
    print("\nRésultats dans %s :" % out)
    for path in written:
        print("   " + os.path.relpath(path, os.getcwd()))
    print("   données d'entrée : %s" % os.path.relpath(data, os.getcwd()))


def demo_parc_social(profile, data, out, gpkg, analyse_input):
    """8. The social stock: indicators per commune, EPCI, cité, QPV part and 1 km cell with
    the OPS survey and the label change of the renovated dwellings, then the EPCI sheets."""
    print("8. Parc social (osp:indicateurs_parc_social, osp:fiche_territoire)")
    folder = os.path.join(data, "parc_social")
    indicators = os.path.join(out, "parc_social.gpkg")
    book = os.path.join(out, "parc_social.xlsx")
    for path in (indicators, book):
        if os.path.exists(path):
            os.remove(path)
    log = qgis_process(profile, "run", "osp:indicateurs_parc_social", "--",
                       "RPLS=" + os.path.join(folder, "rpls_bassin.csv"),
                       "ADDRESSES=" + os.path.join(folder, "adresses_ban.csv"),
                       "OPS=" + os.path.join(folder, "ops_bassin.csv"),
                       "RPLS_AVANT=" + os.path.join(folder, "rpls_bassin_2015.csv"),
                       "ANALYSE=" + analyse_input,
                       "COMMUNES=%s|layername=communes" % gpkg,
                       "ZONES=%s|layername=cites" % gpkg, "GRID_SIZE=1000",
                       "OUTPUT=" + indicators, "WORKBOOK=" + book)
    print("   " + _counts(log, ("N_DWELLINGS", "logements"), ("N_HOUSEHOLDS", "ménages"),
                          ("N_MASKED", "cellules sous secret")))
    sheets = os.path.join(out, "fiches_epci")
    if os.path.isdir(sheets):
        for name in os.listdir(sheets):
            os.remove(os.path.join(sheets, name))
    log = qgis_process(profile, "run", "osp:fiche_territoire", "--",
                       "INPUT=%s|layername=epci" % indicators, "OUTPUT_FOLDER=" + sheets,
                       "PNG_PREVIEW=true")
    print("   " + _counts(log, ("N_PAGES", "fiches EPCI")))
    return [indicators, book, sheets]


def demo_finance(profile, data, out, programmation):
    """2 bis. The money: the landlords' financing plan and the DDTM's payments imported, the
    financial recap with its alerts."""
    print("2 bis. Suivi financier (osp:financement_import, osp:financement_recap)")
    for name in ("financement_plan", "mandats_ddtm"):
        log = qgis_process(profile, "run", "osp:financement_import", "--",
                           "INPUT=" + os.path.join(data, "programmation", name + ".xlsx"),
                           "OPERATIONS=" + programmation,
                           "ANOMALIES=" + os.path.join(out, "anomalies_%s.csv" % name))
        print("   %s : %s" % (name, _counts(log, ("N_LINES", "lignes de financement"),
                                             ("N_PAYMENTS", "versements"),
                                             ("N_REJECTED", "lignes rejetées"))))
    xlsx = os.path.join(out, "recapitulatif_financier.xlsx")
    folder = os.path.join(out, "financier_pdf")
    log = qgis_process(profile, "run", "osp:financement_recap", "--",
                       "OPERATIONS=" + programmation, "DATE=07/12/2026",
                       "OUTPUT_XLSX=" + xlsx, "OUTPUT_FOLDER=" + folder)
    print("   " + _counts(log, ("N_OPERATIONS", "opérations"), ("N_ALERTS", "alertes"),
                          ("N_PDF", "PDF")))
    books = os.path.join(out, "classeurs_financiers")
    qgis_process(profile, "run", "osp:programmation_formulaires", "--",
                 "OPERATIONS=" + programmation, "ANNEE=2021", "PARTNER=SIA",
                 "OUTPUT_FOLDER=" + books)
    book = os.path.join(books, sorted(os.listdir(books))[0])
    with sqlite3.connect(programmation) as db:     # a line forged on another's operation
        other = db.execute("SELECT nom FROM operations WHERE bailleur <> 'SIA' "
                           "ORDER BY id_op").fetchone()[0]
    sample_finance.edit_finance_sheet(book, other)
    log = qgis_process(profile, "run", "osp:financement_import", "--", "INPUT=" + book,
                       "OPERATIONS=" + programmation, "PARTNER=SIA",
                       "ANOMALIES=" + os.path.join(out, "anomalies_suivi_financier_SIA.csv"))
    print("   classeur de SIA, onglet « Suivi financier » : " + _counts(
        log, ("N_LINES", "lignes de financement"), ("N_OPERATIONS", "opérations"),
        ("N_REJECTED", "lignes rejetées")))
    return [os.path.join(out, "anomalies_mandats_ddtm.csv"), xlsx, folder, book,
            os.path.join(out, "anomalies_suivi_financier_SIA.csv")]


def demo_bilans(profile, data, out, programmation, analyse_input):
    """9 bis. The « états de sortie »: one bilan per EPCI (labels before and after the works
    from two RPLS vintages, households from the OPS) and their table."""
    print("9 bis. États de sortie (osp:bilan_erbm, un bilan par EPCI)")
    folder, xlsx = os.path.join(out, "bilans_epci"), os.path.join(out, "bilans_epci.xlsx")
    log = qgis_process(profile, "run", "osp:bilan_erbm", "--", "OPERATIONS=" + programmation,
                       "DWELLINGS=" + analyse_input, "SCALE=epci",
                       "RPLS_AVANT=" + os.path.join(data, "parc_social", "rpls_bassin_2015.csv"),
                       "RPLS=" + os.path.join(data, "parc_social", "rpls_bassin.csv"),
                       "OPS=" + os.path.join(data, "parc_social", "ops_bassin.csv"),
                       "OUTPUT_FOLDER=" + folder,
                       "OUTPUT_XLSX=" + xlsx)
    print("   " + _counts(log, ("N_ENTITIES", "bilans")))
    return [folder, xlsx]


def demo_publication(profile, out, sources):
    """9. The web publication for the partners (QGIS Server, Lizmap); make serve serves it."""
    print("9. Publication pour les partenaires (osp:publier) ; « make serve » la sert")
    folder = os.path.join(out, "publication")
    log = qgis_process(profile, "run", "osp:publier", "--", "SOURCE=" + ";".join(sources),
                       "CONTACT=DDTM du Pas-de-Calais – MCSIG", "OUTPUT_FOLDER=" + folder)
    print("   " + _counts(log, ("N_PUBLIC", "couches publiques"),
                          ("N_PARTNER", "couches des partenaires"),
                          ("N_EXCLUDED", "tables non publiées")))
    return [folder]


def demo_livraison(profile, out, layers):
    """10. A delivery for a partner that reads no GeoPackage: Lambert 93 CC50, MapInfo TAB
    and MIF, DXF, Shapefile and Excel 97, with its LISEZMOI and data dictionary."""
    print("10. Livraison en CC50 pour un partenaire (osp:livrables : TAB, MIF, DXF, SHP, XLS)")
    log = qgis_process(profile, "run", "osp:livrables", "--",
                       *["LAYERS=" + layer for layer in layers], "FORMATS=tab,mif,dxf,shp,xls",
                       "CRS=EPSG:3950", "NAME=livraison_cc50", "ZIP=true",
                       "OUTPUT_FOLDER=" + out)
    folder = os.path.join(out, "livraison_cc50")
    print("   " + _counts(log, ("N_FILES", "fichiers"), ("N_ANOMALIES", "anomalies")))
    with open(os.path.join(folder, "LISEZMOI_utf8.txt"), encoding="utf-8") as handle:
        for line in handle:
            if line.count("|") == 6 and not line.startswith("fichier"):
                print("   " + line.rstrip())
    return [folder, folder + ".zip"]


def _counts(log, *names):
    values = dict(l.split(":\t", 1) for l in log.splitlines() if ":\t" in l)
    return ", ".join("%s %s" % (values.get(n, "?"), label) for n, label in names)


def load_sample_programmation(gpkg, base):
    """Append the sample programmation's operations and notes to the shared base (GDAL),
    so that both demo runs start from the same programmation."""
    from osgeo import gdal
    gdal.UseExceptions()
    counts = []
    for table in ("operations", "avancement"):
        done = gdal.VectorTranslate("PG:" + base, gpkg, format="PostgreSQL", accessMode="append",
                                    layers=[table], layerName="osp." + table,
                                    options=["-unsetFid"])
        counts.append(done.GetLayerByName("osp." + table).GetFeatureCount())
        done = None
    return tuple(counts)


def demo_programmation(profile, data, out, gpkg, base=None):
    """Module 1: the sample programmation made ready, one workbook per partner, a
    landlord's workbook returned with edits, the DDTM's sheet, the CRHH recap (in the
    shared base when ``base`` is given: filled from the 2021 CRHH recap)."""
    print("2. Programmation 2021 (osp:programmation_init, _formulaires, _import, _recap)")
    if base:
        target = "postgres:%s schema=osp" % base
    else:
        target = fresh(os.path.join(out, "programmation.gpkg"))
        shutil.copyfile(os.path.join(data, "programmation", "programmation.gpkg"), target)
    log = qgis_process(profile, "run", "osp:programmation_init", "--", "OUTPUT=" + target,
                       "CITES=%s|layername=cites" % gpkg)
    if base:   # the sample's operations and notes, as the GeoPackage run starts from them
        print("   base partagée, schéma osp : %d opérations et %d notes d'avancement du jeu "
              "d'exemple" % load_sample_programmation(
                  os.path.join(data, "programmation", "programmation.gpkg"), base))
    if not base:
        print("   programmation.gpkg : %s" % _counts(log, ("N_OPERATIONS", "opérations")))
    folder = fresh(os.path.join(out, "classeurs_partenaires_2021"))
    log = qgis_process(profile, "run", "osp:programmation_formulaires", "--",
                       "OPERATIONS=" + target, "ANNEE=2021", "OUTPUT_FOLDER=" + folder)
    print("   classeurs des partenaires : %s" % _counts(log, ("N_WORKBOOKS", "classeurs")))
    returned = os.path.join(out, "retour_bailleur_MC_2021.xlsx")
    shutil.copyfile(os.path.join(folder, "programmation_2021_bailleur_MC.xlsx"), returned)
    sample_programmation.edit_partner_workbook(returned)
    anomalies = fresh(os.path.join(out, "anomalies_programmation_MC.csv"))
    log = qgis_process(profile, "run", "osp:programmation_import", "--", "INPUT=" + returned,
                       "OPERATIONS=" + target, "ANOMALIES=" + anomalies)
    print("   retour de M&C : %s" % _counts(log, ("N_UPDATED", "mises à jour"),
                                          ("N_ADDED", "ajoutée(s)"), ("N_REJECTED", "rejetée(s)"),
                                          ("N_NOTES", "notes")))
    ddtm = fresh(os.path.join(out, "anomalies_programmation_DDTM.csv"))
    log = qgis_process(profile, "run", "osp:programmation_import", "--",
                       "INPUT=" + os.path.join(data, "programmation", "ddtm_2021.xlsx"),
                       "OPERATIONS=" + target, "BLOCK=ddtm", "ANOMALIES=" + ddtm)
    print("   prévisionnel DDTM : %s" % _counts(log, ("N_UPDATED", "mises à jour"),
                                              ("N_ADDED", "ajoutée(s)")))
    recap = fresh(os.path.join(out, "recapitulatif_programmation_2021.xlsx"))
    pdfs = fresh(os.path.join(out, "programmation_2021_pdf"))
    log = qgis_process(profile, "run", "osp:programmation_recap", "--", "OPERATIONS=" + target,
                       "ANNEE=2021", "OUTPUT_XLSX=" + recap, "OUTPUT_FOLDER=" + pdfs)
    print("   récapitulatif CRHH : %s" % _counts(log, ("N_OPERATIONS", "opérations"),
                                               ("N_PDF", "PDF")))
    return target, ([] if base else [target]) + [folder, returned, anomalies, ddtm, recap,
                                                  pdfs]


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--base=")]
    shared = [a[len("--base="):] for a in sys.argv[1:] if a.startswith("--base=")]
    main(arguments[0] if arguments else "demo_output", shared[0] if shared else None)
