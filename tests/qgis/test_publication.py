"""osp:publier and the server's access control, against a real QGIS Server (in-process
QgsServer with the server plugin loaded as QGIS Server loads it): each partner sees exactly its
rows, whatever the request says; licensed data never leave; the folder is self-contained and
passes Lizmap's checks."""
import json
import os
import re
import shutil
import sqlite3
import sys
import urllib.parse

import pytest
from conftest import REPO

SERVER_PLUGINS = os.path.join(REPO, "server_plugin")
ROLES = {"anonyme": {},
         "mc": {"X-Lizmap-User": "alice", "X-Lizmap-User-Groups": "osp_bailleur_mc"},
         "sia": {"X-Lizmap-User": "sam", "X-Lizmap-User-Groups": "osp_bailleur_sia"},
         "call": {"X-Lizmap-User": "bob", "X-Lizmap-User-Groups": "osp_epci_call"},
         "ddtm": {"X-Lizmap-User": "dd", "X-Lizmap-User-Groups": "osp_lecteur"},
         "admin": {"X-Lizmap-User": "ad", "X-Lizmap-User-Groups": "osp_admin"}}
# what each role may read, as an independent SQL condition on the source tables
ALLOWED = {"anonyme": "0", "mc": "bailleur IN ('M&C', 'MC')",
           "sia": "bailleur IN ('SIA')", "call": "epci IN ('CALL', '200033579')",
           "ddtm": "1", "admin": "1"}


@pytest.fixture(scope="module")
def published(qgis_app, sample_data, pipeline, tmp_path_factory):
    import processing
    sample, out = str(sample_data), tmp_path_factory.mktemp("publication")
    programmation = str(out / "programmation.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), programmation)
    processing.run("osp:programmation_init", {
        "OUTPUT": programmation,
        "CITES": os.path.join(sample, "territoire.gpkg") + "|layername=cites"})
    parc = str(out / "parc_social.gpkg")
    processing.run("osp:indicateurs_parc_social", {
        "RPLS": os.path.join(sample, "parc_social", "rpls_bassin.csv"),
        "ADDRESSES": os.path.join(sample, "parc_social", "adresses_ban.csv"),
        "OPS": os.path.join(sample, "parc_social", "ops_bassin.csv"),
        "COMMUNES": os.path.join(sample, "territoire.gpkg") + "|layername=communes",
        "OUTPUT": parc})
    missing = str(out / "ff_non_remontes.gpkg")
    processing.run("osp:croisement_ff", {
        "LOCAUX": os.path.join(sample, "pb0010_local.csv"), "INPUT": pipeline["layer"],
        "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
        "MISSING": missing, "PARCEL_COMPARISON": str(out / "ff_comparaison.gpkg"),
        "INDICATORS": str(out / "ff_indicateurs.gpkg")})
    analyse = pipeline["layer"].split("|")[0]
    folder = str(out / "publication")
    result = processing.run("osp:publier", {
        "SOURCE": ";".join([analyse, programmation, parc, missing,
                            str(out / "ff_comparaison.gpkg"), str(out / "ff_indicateurs.gpkg")]),
        "TITLE": "OSP ERBM – essai", "CONTACT": "DDTM 62 – MCSIG mcsig@example.fr",
        "OUTPUT_FOLDER": folder})
    return {"folder": folder, "project": result["PROJECT"], "result": result,
            "public": result["PUBLIC_PROJECT"],
            "analyse": analyse, "programmation": programmation, "parc": parc}


@pytest.fixture(scope="module")
def server(published):
    """An in-process QGIS Server with the OSP access-control plugin registered as QGIS
    Server registers a server plugin (serverClassFactory)."""
    from qgis.server import QgsServer
    sys.path.insert(0, SERVER_PLUGINS)
    import osp_erbm_acces
    instance = QgsServer()
    plugin = osp_erbm_acces.serverClassFactory(instance.serverInterface())
    return {"server": instance, "plugin": plugin, "project": published["project"]}


def request(server, query, role="anonyme", method="GET", body=None, path="/"):
    from qgis.server import QgsBufferServerRequest, QgsBufferServerResponse
    url = "http://localhost%s?MAP=%s&%s" % (path, urllib.parse.quote(server["project"]), query)
    verb = QgsBufferServerRequest.PostMethod if method == "POST" else \
        QgsBufferServerRequest.GetMethod
    headers = dict(ROLES[role])
    if body is not None:
        headers["Content-Type"] = "text/xml"
    req = QgsBufferServerRequest(url, verb, headers, body.encode("utf-8") if body else None)
    response = QgsBufferServerResponse()
    server["server"].handleRequest(req, response)
    return response.statusCode(), bytes(response.body())


def features(server, typename, role, extra=""):
    code, body = request(server, "SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=%s&"
                                 "OUTPUTFORMAT=GeoJSON%s" % (typename, extra), role)
    if code != 200:
        return None
    return json.loads(body.decode("utf-8"))["features"]


def source_ids(path, table, key, condition):
    with sqlite3.connect(path) as connection:
        return sorted(r[0] for r in connection.execute(
            "SELECT %s FROM %s WHERE %s" % (key, table, condition)))


# -- the folder ---------------------------------------------------------------------------------
def test_the_folder_is_self_contained_and_holds_only_what_is_published(published):
    folder = published["folder"]
    assert sorted(os.listdir(folder)) == ["LISEZMOI.txt", "donnees", "metadonnees",
                                          "osp_erbm.qgs", "osp_erbm_public.qgs",
                                          "partenaires.csv"]
    with open(published["project"], encoding="utf-8") as handle:
        project = handle.read()
    assert folder not in project and "/tmp" not in project   # relative paths only
    assert "./donnees/" in project and "password" not in project
    tables = {}
    for name in os.listdir(os.path.join(folder, "donnees")):
        with sqlite3.connect(os.path.join(folder, "donnees", name)) as connection:
            for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE "
                                               "type = 'table'"):
                columns = {r[1] for r in connection.execute('PRAGMA table_info("%s")' % table)}
                tables[(name, table)] = columns
    names = {t for _, t in tables}
    assert "analyse_logement" in names and "operations" in names and "communes" in names
    # licensed rows, notes and the workbooks' signing key are not even copied
    assert not names & {"ff_non_remontes", "ff_comparaison", "ff_indicateurs", "avancement",
                        "osp_cle_classeurs"}
    assert not any(columns & {"loghlls", "catpro3", "logements_sociaux_ff", "ff_sociaux"}
                   for columns in tables.values())
    with open(os.path.join(folder, "LISEZMOI.txt"), encoding="utf-8") as handle:
        readme = handle.read()
    assert "ff_non_remontes" in readme and "licence" in readme and "avancement" in readme


def test_the_project_passes_lizmaps_checks_and_the_servers_validator(published):
    from qgis.core import QgsProject, QgsProjectServerValidator

    from osp_erbm.osp_qgis.publication import lizmap
    with open(published["project"], encoding="utf-8") as handle:
        text = handle.read()
    assert lizmap.all_problems(text) == []
    project = QgsProject()
    assert project.read(published["project"])
    assert QgsProjectServerValidator.validate(project)[0]
    assert project.crs().authid() == "EPSG:2154"
    assert project.readEntry("WMSServiceTitle", "/")[0] == "OSP ERBM – essai"
    layers = {l.shortName(): l for l in project.mapLayers().values()}
    assert all(re.match(r"^[a-z][a-z0-9_]*$", short) for short in layers)
    root = project.layerTreeRoot()
    groups = {g.name(): [l.layer().shortName() for l in g.findLayers()]
              for g in root.children()}
    assert set(groups["Données des partenaires"]) == {"analyse_logement", "operations"}
    assert "analyse_logement" not in groups["Données publiques"]
    # the layers keep their style, aliases and form
    dwellings = layers["analyse_logement"]
    assert dwellings.renderer().type() == "categorizedSymbol"
    assert dwellings.attributeAlias(dwellings.fields().indexOf("bailleur")) == "Bailleur"
    assert dwellings.editFormConfig().tabs()
    assert dwellings.fields().indexOf("acces_lizmap") >= 0


def test_the_lizmap_column_names_the_groups_of_each_row(published):
    copy = os.path.join(published["folder"], "donnees", os.path.basename(published["analyse"]))
    with sqlite3.connect(copy) as connection:
        rows = connection.execute("SELECT bailleur, epci, acces_lizmap FROM "
                                  "analyse_logement").fetchall()
    assert rows
    for bailleur, epci, groups in rows:
        if bailleur in ("M&C", "MC"):
            assert "osp_bailleur_mc" in groups.split(",")
        if epci == "CALL":
            assert "osp_epci_call" in groups.split(",")


def test_one_iso_19139_record_per_published_layer(published):
    import xml.etree.ElementTree as ET

    from osp_erbm.osp_qgis.publication import iso19139
    folder = os.path.join(published["folder"], "metadonnees")
    records = sorted(os.listdir(folder))
    assert "analyse_logement.xml" in records and len(records) == (
        published["result"]["N_PUBLIC"] + published["result"]["N_PARTNER"])
    for name in records:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            text = handle.read()
        assert iso19139.missing_elements(text) == [], name
        root = ET.fromstring(text.encode("utf-8"))
        west = float(root.find(".//gmd:westBoundLongitude/gco:Decimal", iso19139.NS).text)
        north = float(root.find(".//gmd:northBoundLatitude/gco:Decimal", iso19139.NS).text)
        assert 1.0 < west < 5.0 and 49.0 < north < 52.0     # Nord and Pas-de-Calais
    with open(os.path.join(folder, "parc_social_communes.xml"), encoding="utf-8") as handle:
        indicators = handle.read()
    assert "Secret statistique" in indicators and "Licence Ouverte" in indicators


def iso19139_schema():
    """The ISO 19139 XML schema (2006-05-04, GML 3.1, as the records' namespaces) that the
    pycsw package ships, installed in the project's tools venv by tools/ensure_deps.sh."""
    import glob
    root = os.path.join(os.path.dirname(__file__), "..", "..", "build", "tools-venv")
    found = glob.glob(os.path.join(root, "lib", "python*", "site-packages", "pycsw", "plugins",
                                   "profiles", "apiso", "schemas", "ogc", "iso", "19139",
                                   "20060504", "gmd", "gmd.xsd"))
    assert found, "schémas ISO 19139 absents : lancer tools/ensure_deps.sh (make test le fait)"
    return found[0]


def test_every_iso_19139_record_is_schema_valid(published):
    from lxml import etree
    schema = etree.XMLSchema(etree.parse(iso19139_schema()))
    folder = os.path.join(published["folder"], "metadonnees")
    for name in sorted(os.listdir(folder)):
        document = etree.parse(os.path.join(folder, name))
        assert schema.validate(document), (name, [str(e) for e in schema.error_log][:3])


# -- who sees what ------------------------------------------------------------------------------
def capability_names(server, role, service="WFS"):
    code, body = request(server, "SERVICE=%s&REQUEST=GetCapabilities" % service, role)
    assert code == 200
    return set(re.findall(rb"<(?:wfs:)?Name>([^<]+)</(?:wfs:)?Name>", body))


@pytest.mark.parametrize("role", list(ROLES))
def test_capabilities_list_exactly_the_allowed_layers(server, role):
    names = {n.decode() for n in capability_names(server, role)}
    partner = {"analyse_logement", "operations"}
    assert "communes" in names and "cites" in names
    if role == "anonyme":
        assert not names & partner
    else:
        assert partner <= names
    assert not any(n.startswith("ff_") for n in names)


@pytest.mark.parametrize("role", list(ROLES))
def test_wfs_returns_exactly_the_rows_of_the_partner(server, published, role):
    got = features(server, "analyse_logement", role)
    expected = source_ids(published["analyse"], "analyse_logement", "id_osp", ALLOWED[role])
    if role == "anonyme":
        assert got is None     # refused, not an empty answer that hides a leak
        return
    assert sorted(f["properties"]["id_osp"] for f in got) == expected
    operations = features(server, "operations", role)
    assert sorted(f["properties"]["id_op"] for f in operations) == source_ids(
        published["programmation"], "operations", "id_op", ALLOWED[role])


def test_an_epci_does_not_read_the_landlords_private_fields(server):
    call = features(server, "analyse_logement", "call")
    mc = features(server, "analyse_logement", "mc")
    assert call and mc
    assert "ident_int" not in call[0]["properties"] and "ident_int" in mc[0]["properties"]


@pytest.mark.parametrize("hostile", [
    "&EXP_FILTER=" + urllib.parse.quote("1=1"),
    "&EXP_FILTER=" + urllib.parse.quote("\"bailleur\" = 'SIA' OR 1=1"),
    "&EXP_FILTER=" + urllib.parse.quote("\"bailleur\" <> '') OR (1=1"),
    "&EXP_FILTER=" + urllib.parse.quote(
        "array_length(aggregate('analyse_logement', 'array_agg', \"id_osp\")) > 0"),
    "&EXP_FILTER=" + urllib.parse.quote("1=1; DROP TABLE analyse_logement; --"),
    "&FILTER=" + urllib.parse.quote(
        "<Filter><Or><PropertyIsEqualTo><PropertyName>bailleur</PropertyName><Literal>SIA"
        "</Literal></PropertyIsEqualTo><PropertyIsNotEqualTo><PropertyName>bailleur"
        "</PropertyName><Literal>x</Literal></PropertyIsNotEqualTo></Or></Filter>"),
])
def test_no_filter_widens_what_a_landlord_sees(server, published, hostile):
    allowed = set(source_ids(published["analyse"], "analyse_logement", "id_osp",
                             ALLOWED["mc"]))
    got = features(server, "analyse_logement", "mc", hostile) or []
    assert {f["properties"]["id_osp"] for f in got} <= allowed


def test_asking_for_another_partners_feature_by_id_returns_nothing(server, published):
    other = source_ids(published["analyse"], "analyse_logement", "fid", ALLOWED["sia"])[:3]
    got = features(server, "analyse_logement", "mc",
                   "&FEATUREID=" + ",".join("analyse_logement.%d" % f for f in other)) or []
    assert got == []


def test_ogc_api_items_are_filtered_too(server, published):
    code, body = request(server, "limit=10000", "mc",
                         path="/wfs3/collections/analyse_logement/items.json")
    assert code == 200
    items = json.loads(body.decode("utf-8"))["features"]
    # OGC API shows the form's aliases and the value lists' labels
    assert sorted(f["properties"]["Identifiant OSP"] for f in items) == source_ids(
        published["analyse"], "analyse_logement", "id_osp", ALLOWED["mc"])
    code, _ = request(server, "limit=10", "anonyme",
                      path="/wfs3/collections/analyse_logement/items.json")
    assert code != 200



# -- changes through the web (WFS-T) --------------------------------------------------------------
def update(server, role, fid, field, value):
    body = ('<wfs:Transaction service="WFS" version="1.1.0" '
            'xmlns:wfs="http://www.opengis.net/wfs" xmlns:ogc="http://www.opengis.net/ogc">'
            '<wfs:Update typeName="operations"><wfs:Property><wfs:Name>%s</wfs:Name>'
            '<wfs:Value>%s</wfs:Value></wfs:Property><ogc:Filter><ogc:FeatureId '
            'fid="operations.%d"/></ogc:Filter></wfs:Update></wfs:Transaction>'
            % (field, value, fid))
    code, answer = request(server, "SERVICE=WFS&VERSION=1.1.0&REQUEST=Transaction", role,
                           method="POST", body=body)
    return code, answer.decode("utf-8", "replace")


def published_value(published, fid, field):
    copy = os.path.join(published["folder"], "donnees",
                        os.path.basename(published["programmation"]))
    with sqlite3.connect(copy) as connection:
        return connection.execute('SELECT "%s" FROM operations WHERE fid = ?' % field,
                                  (fid,)).fetchone()[0]


def first_fid(published, condition):
    return source_ids(published["programmation"], "operations", "fid", condition)[0]


def test_a_landlord_updates_its_own_block_of_its_own_operation(server, published):
    fid = first_fid(published, ALLOWED["mc"])
    code, answer = update(server, "mc", fid, "b_nb_total", 77)
    assert code == 200 and re.search(r"totalUpdated>1<", answer), answer
    assert published_value(published, fid, "b_nb_total") == 77


@pytest.mark.parametrize("role, condition, field", [
    ("mc", ALLOWED["sia"], "b_nb_total"),        # another landlord's operation
    ("mc", ALLOWED["mc"], "d_nb_total"),         # its own operation, the DDTM's block
    ("mc", ALLOWED["mc"], "bailleur"),           # giving its operation away
    ("call", ALLOWED["call"], "b_nb_total"),     # an EPCI in the landlord's block
    ("anonyme", "1", "b_nb_total"),
    ("ddtm", "1", "b_nb_total"),                 # a State reader reads, does not write
])
def test_an_update_outside_the_partners_rows_and_block_is_refused(server, published, role,
                                                                   condition, field):
    fid = first_fid(published, condition)
    before = published_value(published, fid, field)
    value = "SIA" if field == "bailleur" else 4242
    code, answer = update(server, role, fid, field, value)
    assert published_value(published, fid, field) == before
    assert "FAILED" in answer.upper() or re.search(r"totalUpdated>0<", answer) or \
        "Exception" in answer, answer


def test_an_epci_updates_its_block(server, published):
    fid = first_fid(published, ALLOWED["call"])
    code, answer = update(server, "call", fid, "e_nb_total", 31)
    assert code == 200 and re.search(r"totalUpdated>1<", answer), answer
    assert published_value(published, fid, "e_nb_total") == 31


# -- maps -----------------------------------------------------------------------------------------
def test_feature_info_shows_names_not_codes(server, published):
    from qgis.core import QgsVectorLayer
    copy = os.path.join(published["folder"], "donnees", os.path.basename(published["analyse"]))
    layer = QgsVectorLayer(copy + "|layername=analyse_logement", "l", "ogr")
    feature = next(f for f in layer.getFeatures() if f["bailleur"] == "M&C" and f.hasGeometry())
    point = feature.geometry().asPoint()
    box = "%f,%f,%f,%f" % (point.x() - 20, point.y() - 20, point.x() + 20, point.y() + 20)
    code, body = request(server, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&"
                                 "LAYERS=analyse_logement&QUERY_LAYERS=analyse_logement&"
                                 "CRS=EPSG:2154&BBOX=%s&WIDTH=101&HEIGHT=101&I=50&J=50&"
                                 "INFO_FORMAT=text/xml&FEATURE_COUNT=1" % box, "mc")
    text = body.decode("utf-8")
    assert code == 200 and "Maisons &amp; Cités" in text, text[:500]
    code, body = request(server, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&"
                                 "LAYERS=analyse_logement&QUERY_LAYERS=analyse_logement&"
                                 "CRS=EPSG:2154&BBOX=%s&WIDTH=101&HEIGHT=101&I=50&J=50&"
                                 "INFO_FORMAT=text/xml&FEATURE_COUNT=1" % box, "sia")
    assert "Maisons" not in body.decode("utf-8", "replace")


def test_a_landlords_map_draws_only_its_dwellings(server, published, artifacts):
    """The server's GetMap for M&C equals a map drawn by QGIS from the source filtered on
    M&C's rows (same style, same extent), and differs from the unfiltered one."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage
    project = QgsProject()
    project.read(published["project"])
    layer = next(l for l in project.mapLayers().values() if l.shortName() == "analyse_logement")
    extent = layer.extent()
    extent.grow(200)
    box = "%f,%f,%f,%f" % (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                           extent.yMaximum())
    width, height = 600, int(600 * extent.height() / extent.width())
    code, body = request(server, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
                                 "analyse_logement&STYLES=&CRS=EPSG:2154&BBOX=%s&WIDTH=%d&"
                                 "HEIGHT=%d&FORMAT=image/png&TRANSPARENT=FALSE&"
                                 "DPI=96" % (box, width, height), "mc")
    assert code == 200
    served = QImage.fromData(body, "PNG")
    served.save(os.path.join(artifacts, "publication_getmap_mc.png"))

    def drawn(subset):
        layer.setSubsetString(subset)
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(layer.crs())
        settings.setExtent(QgsRectangle(extent))
        settings.setOutputSize(QSize(width, height))
        settings.setOutputDpi(96)
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        return job.renderedImage().convertToFormat(served.format())

    def ink(image):     # where something is drawn (white is the background)
        return {(x, y) for x in range(image.width()) for y in range(image.height())
                if QColor(image.pixel(x, y)).lightness() < 235}

    def coloured(image, colour):   # pixels of a landlord's colour (style by landlord)
        target = QColor(colour)
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if abs(QColor(image.pixel(x, y)).hue() - target.hue()) < 12 and
                   QColor(image.pixel(x, y)).saturation() > 120)
    filtered, everything = drawn("\"bailleur\" IN ('M&C', 'MC')"), drawn("")
    filtered.save(os.path.join(artifacts, "publication_reference_mc.png"))
    assert served.size() == filtered.size()
    served_ink, filtered_ink = ink(served), ink(filtered)

    def near(pixels):   # within one pixel (the server rounds its extent to whole pixels)
        return {(x + dx, y + dy) for x, y in pixels for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert served_ink and len(served_ink - near(filtered_ink)) < 0.01 * len(served_ink)
    assert len(filtered_ink - near(served_ink)) < 0.01 * len(filtered_ink)
    assert len(ink(everything) - served_ink) > 0.05 * len(served_ink)
    # SIA's blue is drawn on the full map, never on M&C's
    assert coloured(everything, "#2471a3") > 20 and coloured(served, "#2471a3") == 0


# -- from the shared base -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def base_publication(qgis_app, postgis, tmp_path_factory):
    """The shared base (osp:init_base) with dwellings and operations of two landlords and two
    EPCI, published; the connection string carries a password that must not be written."""
    import processing
    postgis["psql"]("create database osp_pub", dbname="postgres")
    dsn = "host=%s port=%s dbname=osp_pub user=postgres" % (postgis["host"], postgis["port"])
    processing.run("osp:init_base", {"DATABASE": dsn})
    rows = (("SIA", "CAPH"), ("SIA", "CALL"), ("M&C", "CALL"), ("M&C", "CCPC"), ("M&C", "CAPH"))
    for n, (bailleur, epci) in enumerate(rows, 1):
        postgis["psql"]("INSERT INTO osp.logements (id_osp, ident_rep, bailleur, epci, geom) "
                        "VALUES (%d, '%010d', '%s', '%s', ST_SetSRID(ST_MakePoint(%d, 7020000),"
                        " 2154))" % (n, n, bailleur, epci, 650000 + 100 * n), dbname="osp_pub")
        postgis["psql"]("INSERT INTO osp.operations (id_op, nom, bailleur, epci, annee_prog) "
                        "VALUES (%d, 'op %d', '%s', '%s', 2021)" % (n, n, bailleur, epci),
                        dbname="osp_pub")
    folder = str(tmp_path_factory.mktemp("publication_base") / "publication")
    result = processing.run("osp:publier", {"SOURCE": dsn + " password=NePasEcrire42",
                                            "OUTPUT_FOLDER": folder})
    return {"result": result, "project": result["PROJECT"], "postgis": postgis}


def base_ids(postgis, table, key, condition):
    condition = {"1": "true", "0": "false"}.get(condition, condition)
    out = postgis["psql"]("SELECT %s FROM osp.%s WHERE %s ORDER BY 1" % (key, table, condition),
                          dbname="osp_pub")
    return [int(v) for v in out.split()]


def test_a_publication_of_the_shared_base_names_no_password(base_publication):
    with open(base_publication["project"], encoding="utf-8") as handle:
        text = handle.read()
    from osp_erbm.osp_qgis.publication import lizmap
    assert "NePasEcrire42" not in text and "password=" not in text
    assert lizmap.all_problems(text) == []
    assert "estimatedmetadata=true" in text and "logements_publication" in text
    folder = os.path.dirname(base_publication["project"])
    with open(os.path.join(folder, "partenaires.csv"), encoding="utf-8") as handle:
        partners = handle.read()
    assert "osp_bailleur_sia;bailleur;SIA" in partners     # read from osp.partenaires


@pytest.mark.parametrize("role", ["anonyme", "mc", "sia", "call", "ddtm"])
def test_the_shared_base_served_gives_each_partner_its_rows(base_publication, role):
    from qgis.server import QgsServer
    sys.path.insert(0, SERVER_PLUGINS)
    import osp_erbm_acces
    instance = QgsServer()
    osp_erbm_acces.serverClassFactory(instance.serverInterface())
    server = {"server": instance, "project": base_publication["project"]}
    got = features(server, "logements", role)
    if role == "anonyme":
        assert got is None
        return
    assert sorted(f["properties"]["id_osp"] for f in got) == base_ids(
        base_publication["postgis"], "logements", "id_osp", ALLOWED[role])
    assert all("acces_lizmap" in f["properties"] for f in got)
