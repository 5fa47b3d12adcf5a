"""The five sample articles in seeds/ (the project's own copies)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from stance import scan_quotes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"


def test_there_are_five_seeds():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_offsets_hold(path):
    text = path.read_text(encoding="utf-8")
    quotes = scan_quotes(text)
    assert quotes
    for q in quotes:
        assert text[q.start_char : q.end_char] == q.text


def test_odd_mark_count_seeds_still_give_every_quote():
    # textacy's direct_quotations raises on these two (odd number of marks); we must not.
    texts = {p.stem[:3]: p.read_text(encoding="utf-8") for p in SEEDS}
    q3 = [q.text for q in scan_quotes(texts["003"])]
    assert "no intention" in q3 and "weaker." in q3 and "swift, lightning-fast" in q3
    q4 = [q.text for q in scan_quotes(texts["004"])]
    assert len(q4) == 4 and all(t[0].isupper() for t in q4)


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.quotes.jsonl").exists(), reason="../shared not present")
def test_gold_quote_recall_is_complete(tmp_path):
    pred = tmp_path / "pred.jsonl"
    subprocess.run(
        [sys.executable, "-m", "stance.cli", "quotes", *map(str, SEEDS), "--format", "jsonl", "--out", str(pred)],
        check=True,
    )
    out = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_quotes.py"), str(SHARED / "gold" / "seeds.quotes.jsonl"), str(pred)],
        check=True, capture_output=True, text=True,
    ).stdout
    found, required = map(int, re.search(r"recall (\d+)/(\d+)", out).groups())
    assert found == required == 38, out
    assert all(json.loads(line)["doc"] for line in pred.read_text().splitlines())
