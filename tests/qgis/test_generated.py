"""Every generated file is what its generator writes today (make generate), and a stale one
is named with the command to run."""
import os
import shutil
import subprocess
import sys

from conftest import REPO

GENERATE = os.path.join(REPO, "tools", "generate.py")


def check(*extra):
    return subprocess.run([sys.executable, GENERATE, "--check", *extra], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


def test_generated_files_are_up_to_date():
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_stale_file_is_named_with_the_command(tmp_path):
    for name in ("resources", "docs"):
        shutil.copytree(os.path.join(REPO, name), str(tmp_path / name))
    shutil.copy(os.path.join(REPO, "README.md"), str(tmp_path / "README.md"))
    help_page = tmp_path / "resources" / "help" / "synthese.html"
    help_page.write_text(help_page.read_text(encoding="utf-8").replace("Bassin", "Bassin "),
                         encoding="utf-8")
    (tmp_path / "README.md").write_text("ancien README\n", encoding="utf-8")
    result = check("--against", str(tmp_path))
    assert result.returncode == 1
    assert "make generate" in result.stdout
    listed = result.stdout.split("\n", 1)[1].split()
    assert sorted(listed) == ["README.md", os.path.join("resources", "help", "synthese.html")]
