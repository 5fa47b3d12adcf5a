"""Every script in examples/ runs and prints what it promises."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(name: str, *args: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_speaker_table_example(tmp_path):
    out = run("speaker_table.py", "--csv", "t.csv", cwd=tmp_path)
    assert out.startswith("| speaker | role | quotes | indirect | docs | NATO | Russia | alliance_shift")
    assert "| Mevlut Cavusoglu | Turkish Foreign Minister | 12 | " in out  # 12 quotations, then its reported statements
    assert "Cavusolgu" not in out
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").count("\n") == len([l for l in out.splitlines() if l.startswith("| ")])


def test_custom_target_example(tmp_path):
    out = run("custom_target.py", cwd=tmp_path)
    assert "Ukraine" in out.splitlines()[0]
    assert "raw text: favor" in out
    assert "Anna Petrova" in out and "'Ukraine': 'favor'" in out and "'Russia': 'against'" in out


def test_spacy_component_example(tmp_path):
    out = run("spacy_component.py", cwd=tmp_path)
    assert out.startswith("Jens Stoltenberg (NATO Secretary-General): Turkey is a highly valued ally")
    assert "NATO=favor" in out


def test_dask_example(tmp_path):
    out = run("dask_cluster.py", cwd=tmp_path)
    assert out.startswith("5 documents, ") and "| Mevlut Cavusoglu | Turkish Foreign Minister | 12 | 3 |" in out
