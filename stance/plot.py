"""A heatmap of a SpeakerTable: speakers × targets, coloured by net stance, annotated with counts."""
from __future__ import annotations

import io

from .aggregate import SpeakerTable
from .io import write_atomic_bytes


def plot_table(table: SpeakerTable, path: str, title: str = "Stance by speaker") -> None:
    """Write the heatmap as PNG to ``path`` (atomically). Red = against, blue = favor, white = none."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed, same output everywhere
    import matplotlib.pyplot as plt

    rows, targets = table.rows, table.targets
    nets = [[(r.summary(t).net if r.summary(t) else 0.0) for t in targets] for r in rows] or [[0.0] * len(targets)]
    height = 1.2 + 0.42 * max(1, len(rows))
    width = 4.0 + 1.9 * max(1, len(targets))
    fig, ax = plt.subplots(figsize=(width, height), dpi=120)
    im = ax.imshow(nets, cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(len(targets)), labels=list(targets))
    ax.xaxis.tick_top()
    labels = [f"{r.speaker} ({r.quotes} q, {len(r.docs)} doc{'s' if len(r.docs) != 1 else ''})" for r in rows]
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
    fig.savefig(buf, format="png")
    plt.close(fig)
    write_atomic_bytes(path, buf.getvalue())
