#!/usr/bin/python3
"""Run every generator of the project (``make generate``), or check that what they produce is
what the checkout holds (``--check``, run by the tests: a stale file fails with the command to
run).

  build_help.py       help pages, the README's table, docs/ parameter tables (from
                      resources/help/textes/ and the algorithms)
  build_styles.py     QML styles (from forms/ and resources/reference/)
  build_layouts.py    print layouts (.qpt)
  build_sql.py        the shared base's CHECK constraints (from forms/)
  build_reference.py  communes and EPCI tables (from ../shared/data/territoires/, when present)

    /usr/bin/python3 tools/generate.py [--check [--against FOLDER]]
"""
import filecmp
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TERRITOIRES = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "territoires"))


def generators():
    """``[(name, command)]``; the reference tables only when their public sources are here."""
    python = sys.executable
    out = [("aide et documentation", [python, os.path.join(REPO, "tools", "build_help.py")]),
           ("styles", [python, os.path.join(REPO, "tools", "build_styles.py")]),
           ("gabarits", [python, os.path.join(REPO, "tools", "build_layouts.py")]),
           ("contraintes SQL", [python, os.path.join(REPO, "tools", "build_sql.py")])]
    sources = [os.path.join(TERRITOIRES, name) for name in ("communes_59_62.csv",
                                                             "epci_59_62.csv")]
    if all(os.path.exists(path) for path in sources):
        out.append(("tables de référence",
                    [python, os.path.join(REPO, "tools", "build_reference.py")] + sources))
    return out


def run(root=None):
    """Run the generators, writing under ``root`` (default: the checkout)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_HASH_SEED="0")
    if root:
        env["OSP_GENERATE_ROOT"] = root
    skipped = [] if len(generators()) == 5 else ["tables de référence (../shared absent)"]
    for name, command in generators():
        result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit("Générateur « %s » en échec :\n%s%s" % (name, result.stdout,
                                                                  result.stderr))
    return skipped


def stale_files(against=REPO):
    """The generated files that differ from those under ``against`` (the checkout; paths
    relative to it)."""
    with tempfile.TemporaryDirectory(prefix="osp-generate-") as root:
        run(root)
        stale = []
        for folder, _, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, root)
                mine = os.path.join(against, relative)
                if not os.path.exists(mine) or not filecmp.cmp(path, mine, shallow=False):
                    stale.append(relative)
        return sorted(stale)


def main(argv):
    if "--check" in argv:
        against = argv[argv.index("--against") + 1] if "--against" in argv else REPO
        stale = stale_files(against)
        if stale:
            print("Fichiers produits à régénérer (lancer « make generate ») :\n  "
                  + "\n  ".join(stale))
            return 1
        print("Tous les fichiers produits sont à jour.")
        return 0
    skipped = run()
    print("Fichiers produits régénérés.%s" % (
        " Non régénéré : %s." % ", ".join(skipped) if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
