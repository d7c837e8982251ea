"""A metadata record per published dataset, in ISO 19139 (the XML of ISO 19115 that
Géo2France's catalogue, GeoNetwork, harvests): title, abstract, lineage, extent, reference
system, contact, licence, update date, and for indicators the secrecy rule."""
import datetime
import uuid
import xml.etree.ElementTree as ET

NS = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco",
      "gml": "http://www.opengis.net/gml", "xlink": "http://www.w3.org/1999/xlink"}
CODELISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
LICENCE = "Licence Ouverte / Open Licence version 2.0 (Etalab)"
PARTNER_CONSTRAINT = ("Données des partenaires de l'ERBM : chacun ne consulte que les siennes "
                      "(bailleur : ses logements et opérations ; EPCI : son territoire ; "
                      "État : l'ensemble).")
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def _q(tag):
    prefix, name = tag.split(":")
    return "{%s}%s" % (NS[prefix], name)


def _add(parent, path, text=None, **attributes):
    """Create the chain of elements ``path`` (« gmd:a/gmd:b ») under ``parent``."""
    element = parent
    for tag in path.split("/"):
        element = ET.SubElement(element, _q(tag))
    for key, value in attributes.items():
        element.set(key, value)
    if text is not None:
        element.text = str(text)
    return element


def _text(parent, path, text):
    return _add(parent, path + "/gco:CharacterString", text)


def _code(parent, path, codelist, value):
    return _add(parent, path, value, codeList="%s#%s" % (CODELISTS, codelist),
                codeListValue=value)


def _contact(parent, path, contact):
    party = _add(parent, path + "/gmd:CI_ResponsibleParty")
    _text(party, "gmd:organisationName", contact.get("organisation") or "DDTM du Pas-de-Calais")
    if contact.get("email"):
        _text(party, "gmd:contactInfo/gmd:CI_Contact/gmd:address/gmd:CI_Address/"
                     "gmd:electronicMailAddress", contact["email"])
    _code(party, "gmd:role/gmd:CI_RoleCode", "CI_RoleCode", "pointOfContact")


def record(dataset):
    """The XML text of one record. ``dataset``: ``identifier``, ``title``, ``abstract``,
    ``lineage``, ``extent`` (west, south, east, north in degrees), ``crs`` (« EPSG:2154 »),
    ``contact`` (``organisation``, ``email``), ``updated`` (date), ``keywords``, ``public``
    (bool), ``secrecy`` (text or None)."""
    root = ET.Element(_q("gmd:MD_Metadata"))
    _text(root, "gmd:fileIdentifier", dataset.get("identifier") or str(uuid.uuid4()))
    _code(root, "gmd:language/gmd:LanguageCode", "LanguageCode", "fre")
    _code(root, "gmd:characterSet/gmd:MD_CharacterSetCode", "MD_CharacterSetCode", "utf8")
    _code(root, "gmd:hierarchyLevel/gmd:MD_ScopeCode", "MD_ScopeCode", "dataset")
    _contact(root, "gmd:contact", dataset.get("contact") or {})
    updated = dataset.get("updated") or datetime.date.today()
    _add(root, "gmd:dateStamp/gco:Date", updated.isoformat())
    _text(root, "gmd:metadataStandardName", "ISO 19115:2003/19139")
    _text(root, "gmd:metadataStandardVersion", "1.0")
    _text(root, "gmd:referenceSystemInfo/gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/"
                "gmd:RS_Identifier/gmd:code", dataset.get("crs") or "EPSG:2154")
    identification = _add(root, "gmd:identificationInfo/gmd:MD_DataIdentification")
    citation = _add(identification, "gmd:citation/gmd:CI_Citation")
    _text(citation, "gmd:title", dataset["title"])
    date = _add(citation, "gmd:date/gmd:CI_Date")
    _add(date, "gmd:date/gco:Date", updated.isoformat())
    _code(date, "gmd:dateType/gmd:CI_DateTypeCode", "CI_DateTypeCode", "revision")
    _text(identification, "gmd:abstract", dataset.get("abstract") or dataset["title"])
    _contact(identification, "gmd:pointOfContact", dataset.get("contact") or {})
    keywords = _add(identification, "gmd:descriptiveKeywords/gmd:MD_Keywords")
    for keyword in dataset.get("keywords") or ("ERBM", "logement social", "Bassin minier"):
        _text(keywords, "gmd:keyword", keyword)
    constraints = _add(identification, "gmd:resourceConstraints/gmd:MD_LegalConstraints")
    if dataset.get("secrecy"):     # MD_Constraints' own element comes first (XSD sequence)
        _text(constraints, "gmd:useLimitation", dataset["secrecy"])
    _code(constraints, "gmd:accessConstraints/gmd:MD_RestrictionCode", "MD_RestrictionCode",
          "otherRestrictions")
    _text(constraints, "gmd:otherConstraints",
          LICENCE if dataset.get("public") else PARTNER_CONSTRAINT)
    _code(identification, "gmd:language/gmd:LanguageCode", "LanguageCode", "fre")
    _add(identification, "gmd:topicCategory/gmd:MD_TopicCategoryCode", "planningCadastre")
    west, south, east, north = dataset["extent"]
    box = _add(identification, "gmd:extent/gmd:EX_Extent/gmd:geographicElement/"
                               "gmd:EX_GeographicBoundingBox")
    for name, value in (("westBoundLongitude", west), ("eastBoundLongitude", east),
                        ("southBoundLatitude", south), ("northBoundLatitude", north)):
        _add(box, "gmd:%s/gco:Decimal" % name, "%.6f" % value)
    quality = _add(root, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
    _code(quality, "gmd:scope/gmd:DQ_Scope/gmd:level/gmd:MD_ScopeCode", "MD_ScopeCode",
          "dataset")
    _text(quality, "gmd:lineage/gmd:LI_Lineage/gmd:statement",
          dataset.get("lineage") or "Produit par le plugin QGIS OSP ERBM.")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


REQUIRED = ("gmd:fileIdentifier", "gmd:language", "gmd:contact", "gmd:dateStamp",
            "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:citation/gmd:CI_Citation/"
            "gmd:title", "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:abstract",
            "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:extent",
            "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:resourceConstraints",
            "gmd:referenceSystemInfo", "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:lineage")


def missing_elements(text):
    """The mandatory elements (ISO 19115 core, INSPIRE) absent from a record."""
    root = ET.fromstring(text.encode("utf-8"))
    return [path for path in REQUIRED if root.find(path, NS) is None]
