"""The layer catalog (what curators may write) and the code that draws each layer agree."""

from __future__ import annotations

from installation.core.timeline.layer_catalog import LAYERS
from installation.visuals.layers import FACTORIES, OVERLAY_TYPES


def test_every_catalogued_layer_has_code_and_every_drawn_layer_is_catalogued() -> None:
    assert sorted(LAYERS) == sorted(FACTORIES)


def test_the_compositor_overlays_are_catalogued_layers_drawn_by_the_same_code() -> None:
    assert all(FACTORIES[kind] is factory for kind, factory in OVERLAY_TYPES.items())
