"""The README's Python examples run as written."""
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_python_blocks_run(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks
    for code in blocks:
        exec(compile(code, str(README), "exec"), {})
    out = capsys.readouterr().out
    assert "We will never leave NATO," in out and "Anna Petrova" in out
    assert "favor against" in out and "['leave']" in out


def test_seed_table_in_readme_is_what_the_main_job_prints():
    from stance import analyze, speaker_table
    from stance.plugins import PluginHost

    host = PluginHost(entry_points=False)  # what `make demo` sees: no third-party plugin installed
    seeds = sorted((README.parent / "seeds").glob("*.txt"))
    # `stance table` counts quotations and reported speech by default
    table = speaker_table([analyze(p.read_text(encoding="utf-8"), p.stem, host=host, kinds="direct,indirect") for p in seeds])
    rows = [l for l in table.to_markdown().splitlines() if l.startswith("|")]
    readme = README.read_text(encoding="utf-8")
    assert "\n".join(rows) in readme
