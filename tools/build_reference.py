#!/usr/bin/python3
"""Rebuild resources/reference/communes_59_62.csv and epci_59_62.csv from the public
Etalab « découpage administratif » tables (MIT licence), given as arguments:

    build_reference.py communes_59_62.csv epci_59_62.csv

Only the columns the plugin needs are kept (INSEE, name, département, EPCI SIREN;
EPCI SIREN, name, ERBM sigle).  Users may replace the two files with newer ones.
"""
import csv
import os
import sys

import plugin_package

OUT = os.path.dirname(plugin_package.output_path("resources", "reference", "x"))


def main(communes, epci):
    with open(communes, encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["insee"])
    with open(os.path.join(OUT, "communes_59_62.csv"), "w", encoding="utf-8", newline="") as h:
        writer = csv.writer(h, delimiter=";")
        writer.writerow(["insee", "nom", "dep", "epci_siren"])
        for r in rows:
            writer.writerow([r["insee"], r["nom"], r["dep"], r["epci_siren"]])
    with open(epci, encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["siren"])
    with open(os.path.join(OUT, "epci_59_62.csv"), "w", encoding="utf-8", newline="") as h:
        writer = csv.writer(h, delimiter=";")
        writer.writerow(["siren", "nom", "sigle"])
        for r in rows:
            writer.writerow([r["siren"], r["nom"], r["sigle"]])


if __name__ == "__main__":
    main(*sys.argv[1:3])
