"""Printing an atlas layout (osp:atlas and osp:fiche_territoire): the output parameters,
the PDF / PNG export, the layout kept in the project's layout manager."""
import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProject,
)


def add_export_parameters(algorithm):
    algorithm.addParameter(QgsProcessingParameterBoolean(
        "SPLIT", algorithm.tr("Un PDF par entité"), defaultValue=True))
    algorithm.addParameter(QgsProcessingParameterBoolean(
        "PNG_PREVIEW", algorithm.tr("Aperçu PNG de chaque page"), defaultValue=False))
    algorithm.addParameter(QgsProcessingParameterFolderDestination(
        "OUTPUT_FOLDER", algorithm.tr("Dossier des PDF"), optional=True))
    algorithm.addParameter(QgsProcessingParameterFileDestination(
        "OUTPUT_PDF", algorithm.tr("PDF unique (si « Un PDF par entité » est décoché)"),
        algorithm.tr("PDF (*.pdf)"), optional=True, createByDefault=False))
    algorithm.addOutput(QgsProcessingOutputNumber("N_PAGES", algorithm.tr("Pages imprimées")))
    algorithm.addOutput(QgsProcessingOutputString("LAYOUT",
                                                  algorithm.tr("Mise en page du projet")))


def export(algorithm, parameters, context, feedback, layout, stem):
    """Print ``layout``'s atlas as the parameters of :func:`add_export_parameters` ask:
    one PDF per page in ``OUTPUT_FOLDER`` or one PDF, PNG previews; returns the outputs."""
    split = algorithm.parameterAsBoolean(parameters, "SPLIT", context)
    page = layout.itemById("page")
    if split and page is not None:  # one entity per file: « Page 3 / 8 » would mislead
        page.setVisibility(False)
    png = algorithm.parameterAsBoolean(parameters, "PNG_PREVIEW", context)
    folder = algorithm.parameterAsString(parameters, "OUTPUT_FOLDER", context)
    pdf = algorithm.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
    if split or not pdf:
        folder = folder or os.path.join(os.getcwd(), stem)
    atlas = layout.atlas()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    # real text, not outlines: the PDF is searchable and its figures can be copied
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    outputs = {}
    if split:
        os.makedirs(folder, exist_ok=True)
        result, error = QgsLayoutExporter.exportToPdfs(atlas, folder + os.sep, settings,
                                                       feedback)
        outputs["OUTPUT_FOLDER"] = folder
    else:
        if not pdf:
            pdf = os.path.join(folder, "%s.pdf" % stem)
        os.makedirs(os.path.dirname(os.path.abspath(pdf)), exist_ok=True)
        result, error = QgsLayoutExporter.exportToPdf(atlas, pdf, settings, feedback)
        outputs["OUTPUT_PDF"] = pdf
        folder = folder or os.path.dirname(os.path.abspath(pdf))
    if result != QgsLayoutExporter.ExportResult.Success:
        if feedback.isCanceled():
            raise QgsProcessingException(algorithm.tr("Impression annulée."))
        raise QgsProcessingException(algorithm.tr("Impression impossible : %s") % error)
    feedback.setProgress(85)
    if png:
        os.makedirs(folder, exist_ok=True)
        image = QgsLayoutExporter.ImageExportSettings()
        image.dpi = 96
        image.exportMetadata = False  # else GDAL tries to update the PNG (error 6)
        image.generateWorldFile = False
        result, error = QgsLayoutExporter.exportToImage(atlas, folder + os.sep, "png", image,
                                                        feedback)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(algorithm.tr("Aperçus PNG impossibles : %s") % error)
        outputs["OUTPUT_FOLDER"] = folder
    feedback.setProgress(100)
    return outputs


def add_to_project(context, layout, layers):
    """The layout in the project's layout manager, ready for the layout designer;
    its layers are kept in the project (not in the layer tree)."""
    project = context.project() or QgsProject.instance()
    manager = project.layoutManager()
    existing = manager.layoutByName(layout.name())
    if existing is not None:
        manager.removeLayout(existing)
    project.addMapLayers(layers, False)
    manager.addLayout(layout)
