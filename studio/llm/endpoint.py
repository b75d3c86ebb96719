"""Which model server to talk to: base URL, model, key and the preset it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from studio.llm.keys import KeyLookup, find_key
from studio.llm.presets import Features, preset_named


@dataclass(frozen=True)
class Endpoint:
    """An OpenAI-compatible endpoint; `model` None means "the only model it lists"."""

    base_url: str
    model: str | None
    api_key: str | None
    preset: str

    @property
    def features(self) -> Features:
        """What the preset says the service supports (unknown features are None)."""
        return preset_named(self.preset).features

    def __repr__(self) -> str:  # never print a key
        shown = "set" if self.api_key else "none"
        return (
            f"Endpoint(base_url={self.base_url!r}, model={self.model!r}, "
            f"api_key=<{shown}>, preset={self.preset!r})"
        )


def endpoint_for(
    preset: str,
    *,
    base_url: str | None = None,
    model: str | None = None,
    api_key: str | None = None,
    environ: Mapping[str, str] | None = None,
    keyring_backend: Any = None,
) -> tuple[Endpoint, KeyLookup]:
    """The endpoint for a preset, with overrides; the lookup says where the key came from."""
    chosen = preset_named(preset)
    url = (base_url or chosen.base_url).rstrip("/")
    if not url:
        raise ValueError(f"the {chosen.name} preset needs a base URL (--base-url)")
    if api_key:
        lookup = KeyLookup(key=api_key, source="given")
    else:
        lookup = find_key(chosen, environ, keyring_backend)
    return Endpoint(base_url=url, model=model, api_key=lookup.key, preset=chosen.name), lookup
