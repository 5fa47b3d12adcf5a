"""The example plugin on its own, registered in-process (no installation needed)."""
from stance import StanceItem
from stance.plugins import PluginHost

from stance_example import plugin


def test_keywords_classifier_labels_with_evidence_into_the_document():
    doc = "Intro. We welcome the EU and support it."
    quote = doc[7:]
    item = StanceItem(quote, 7, plugin.EU, document=doc)
    (pred,) = plugin.KeywordClassifier().classify([item])
    assert pred.label == "favor"
    assert [doc[e.start_char : e.end_char] for e in pred.evidence] == ["welcome", "support"]


def test_registers_through_the_hooks():
    host = PluginHost(entry_points=False)
    host.register(plugin, name="example")
    assert host.owner("target", "EU") == "example"
    assert host.owner("classifier", "keywords.v1") == "example"
