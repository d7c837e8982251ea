"""tools/compare_outputs.py sees a change of content and nothing else: the order Qt writes
attributes in, a run's date, the run's folder and the layers' random ids are not changes."""
import os
import sqlite3
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools"))
import compare_outputs

STYLE = ('<qgis a="1" b="2"><Option name="lineSymbol" value="&lt;symbol x=&quot;1&quot; '
         'y=&quot;2&quot;&gt;&lt;/symbol&gt;"/><layer id="ops_%s"/></qgis>')


def write(folder, style, value, when, where):
    os.makedirs(folder)
    with sqlite3.connect(os.path.join(folder, "sortie.gpkg")) as db:
        db.execute("CREATE TABLE layer_styles (id INTEGER, styleQML TEXT)")
        db.execute("CREATE TABLE t (fid INTEGER, v TEXT, quand TEXT, chemin TEXT)")
        db.execute("INSERT INTO layer_styles VALUES (1, ?)", (style,))
        db.execute("INSERT INTO t VALUES (1, ?, ?, ?)", (value, when, where))
    db.close()
    with open(os.path.join(folder, "rapport.html"), "w", encoding="utf-8") as handle:
        handle.write("Version du %s : %s" % (when, value))


def test_only_content_counts(tmp_path):
    write(str(tmp_path / "a"), STYLE % "1b4f3c2e-0a1b-4c2d-9e8f-0123456789ab", "12",
          "07/12/2026 à 10h05", "/work/demo_output/x.gpkg")
    swapped = STYLE.replace('a="1" b="2"', 'b="2" a="1"').replace(
        "x=&quot;1&quot; y=&quot;2&quot;", "y=&quot;2&quot; x=&quot;1&quot;")
    write(str(tmp_path / "b"), swapped % "9c8d7e6f-1a2b-4c3d-8e9f-a0b1c2d3e4f5", "12",
          "08/12/2026 à 11h15", "/tmp/ailleurs/x.gpkg")
    assert compare_outputs.differences(str(tmp_path / "a"), str(tmp_path / "b")) == []
    write(str(tmp_path / "c"), STYLE % "1b4f3c2e-0a1b-4c2d-9e8f-0123456789ab", "13",
          "07/12/2026 à 10h05", "/work/demo_output/x.gpkg")
    assert compare_outputs.differences(str(tmp_path / "a"), str(tmp_path / "c")) == [
        ("rapport.html", "contenu différent"), ("sortie.gpkg", "contenu différent")]
