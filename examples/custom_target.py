"""Add a stance target from an in-process plugin, then classify quotes and raw text with it.

    python examples/custom_target.py
"""
from __future__ import annotations

import stance
from stance.plugins import PluginHost

UKRAINE = stance.Target(
    name="Ukraine",
    description="The Ukrainian state, its government and armed forces.",
    aliases=("Ukraine", "Kyiv", "Kiev", "Zelensky", "Ukrainian government", "Ukrainian forces"),
    opponents=("Russia", "Moscow", "Kremlin", "Putin"),
)


class UkrainePlugin:
    """A plugin can be any object (or module) with hook implementations."""

    @stance.hookimpl
    def register_targets(self, register):
        register(UKRAINE)


def main() -> None:
    host = PluginHost()
    host.register(UkrainePlugin(), name="ukraine-target")
    print("targets:", ", ".join(host.targets))

    labels = stance.classify_text("We stand with Ukraine and will keep helping it.", ["Ukraine"], host=host)
    print("raw text:", labels["Ukraine"].label, [e.text for e in labels["Ukraine"].evidence])

    article = (
        "Kyiv, Tuesday.\n"
        "“Russia’s brutal invasion must fail, and we will keep supporting Ukraine,” "
        "Foreign Minister Anna Petrova said on Tuesday.\n"
    )
    result = stance.analyze(article, "example", host=host)
    for q in result.quotes:
        print(q.speaker, {target: s.label for target, s in q.stance.items()})


if __name__ == "__main__":
    main()
