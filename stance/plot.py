"""A heatmap of a SpeakerTable: speakers × targets, coloured by net stance, annotated with counts."""
from __future__ import annotations

import io
import os
from pathlib import Path

from .aggregate import SpeakerTable
from .errors import InputError
from .io import write_atomic_bytes

# File name extension -> matplotlib format: the file is what its name says.
PLOT_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def plot_format(path: str | os.PathLike) -> str:
    """The image format ``path``'s extension names; InputError for any other extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in PLOT_FORMATS:
        raise InputError(
            f"{path}: cannot tell the plot format from {suffix or 'no extension'!r}; "
            f"end the name in {', '.join(PLOT_FORMATS)}"
        )
    return PLOT_FORMATS[suffix]


def plot_table(table: SpeakerTable, path: str | os.PathLike, title: str = "Stance by speaker") -> None:
    """Write the heatmap to ``path`` (atomically) as PNG, SVG or PDF, as its extension says.
    Red = against, blue = favor, white = none. InputError for another extension or a table with no
    speaker (an empty image would look like a result)."""
    fmt = plot_format(path)
    if not table.rows:
        raise InputError(f"nothing to plot: no quote has a speaker; {path} not written")
    if not table.targets:
        raise InputError(f"nothing to plot: no stance targets (stance turned off?); {path} not written")
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed, same output everywhere
    import matplotlib.pyplot as plt

    rows, targets = table.rows, table.targets
    nets = [[(r.summary(t).net if r.summary(t) else 0.0) for t in targets] for r in rows]
    height = 1.2 + 0.42 * max(1, len(rows))
    width = 4.0 + 1.9 * max(1, len(targets))
    fig, ax = plt.subplots(figsize=(width, height), dpi=120)
    im = ax.imshow(nets, cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(len(targets)), labels=list(targets))
    ax.xaxis.tick_top()
    labels = [f"{r.label} ({r.quotes} q, {len(r.docs)} doc{'s' if len(r.docs) != 1 else ''})" for r in rows]
    ax.set_yticks(range(len(rows)), labels=labels)
    for i, r in enumerate(rows):
        for j, t in enumerate(targets):
            s = r.summary(t)
            if s is None:
                continue
            text = f"+{s.favor} −{s.against} ·{s.none}"
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color="white" if abs(s.net) > 0.6 else "black")
    ax.set_xticks([x - 0.5 for x in range(1, len(targets))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    cbar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cbar.set_label("net stance (favor − against) / quotes")
    ax.set_title(f"{title}\ncells: +favor −against ·none quote counts", fontsize=9, pad=24)
    fig.tight_layout()
    buf = io.BytesIO()
    # a fixed creation date keeps SVG/PDF output identical from run to run
    fig.savefig(buf, format=fmt, metadata={"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt))
    plt.close(fig)
    write_atomic_bytes(path, buf.getvalue())
