"""Issue 26, point 15: the dialogs show what QGIS users expect — a PostgreSQL connection
picker for DATABASE (any connection text still accepted by scripts), the expression builder
for FILTER, a field list for TOTAL_FIELD, « 25 » for the SRU target, no « (facultatif) » next
to QGIS's own « [optionnel] »."""


def test_parameter_kinds(qgis_app):
    from qgis.core import QgsApplication
    registry = QgsApplication.processingRegistry()

    def definition(algorithm, name):
        return registry.algorithmById(algorithm).parameterDefinition(name)

    for algorithm in ("osp:init_base", "osp:ajouter_utilisateur", "osp:historique"):
        database = definition(algorithm, "DATABASE")
        assert database.type() == "providerconnection" and database.providerId() == "postgres"
        assert database.checkValueIsAcceptable("dbname=osp host=127.0.0.1 user=x")
        assert database.checkValueIsAcceptable("service=osp")
    for algorithm in ("osp:atlas", "osp:fiche_territoire"):
        assert definition(algorithm, "FILTER").type() == "expression", algorithm
    assert definition("osp:fiche_territoire", "FILTER").parentLayerParameterName() == "INPUT"
    total = definition("osp:indicateurs_parc_social", "TOTAL_FIELD")
    assert total.type() == "field" and total.parentLayerParameterName() == "COMMUNES"
    for algorithm in ("osp:croisement_ff", "osp:synthese"):
        sru = definition(algorithm, "SRU_TARGET")
        assert sru.metadata()["widget_wrapper"]["decimals"] == 0 and sru.defaultValue() == 25
    for algorithm in registry.providerById("osp").algorithms():
        for parameter in algorithm.parameterDefinitions():
            assert "facultatif" not in parameter.description(), (algorithm.id(),
                                                                 parameter.name())
