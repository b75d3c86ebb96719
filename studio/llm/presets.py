"""The OpenAI-compatible services the studio knows by name, and what each one supports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a provider continues a partial assistant reply (DESIGN section 5, "Interrupt"):
# "prefix": the last assistant message carries `prefix: true` (DeepSeek, Mistral);
# "continue_final_message": a body flag with `add_generation_prompt: false` (vLLM, llama.cpp);
# "trailing_assistant": a plain trailing assistant message is continued (Groq).
PrefixStyle = Literal["prefix", "continue_final_message", "trailing_assistant"]


@dataclass(frozen=True)
class Features:
    """Optional API features; None means not known, so try it and let the client learn."""

    include_usage: bool | None = None  # stream_options={"include_usage": true}
    prediction: bool | None = None  # Predicted Outputs: prediction={"type": "content", ...}
    prefix_style: PrefixStyle | None = None  # how to continue a partial reply; None: unknown


@dataclass(frozen=True)
class Preset:
    """A named service: where it listens, which environment variables hold its key."""

    name: str
    base_url: str
    key_variables: tuple[str, ...]  # read in this order; empty for local servers
    needs_key: bool
    features: Features
    label: str


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            name="openai",
            base_url="https://api.openai.com/v1",
            key_variables=("OPENAI_API_KEY",),
            needs_key=True,
            features=Features(include_usage=True, prediction=True, prefix_style=None),
            label="OpenAI",
        ),
        Preset(
            name="cerebras",
            base_url="https://api.cerebras.ai/v1",
            key_variables=("CEREBRAS_API_KEY",),
            needs_key=True,
            features=Features(include_usage=True, prediction=False, prefix_style=None),
            label="Cerebras",
        ),
        Preset(
            name="groq",
            base_url="https://api.groq.com/openai/v1",
            key_variables=("GROQ_API_KEY",),
            needs_key=True,
            features=Features(
                include_usage=True, prediction=False, prefix_style="trailing_assistant"
            ),
            label="Groq",
        ),
        Preset(
            name="ollama",
            base_url="http://localhost:11434/v1",
            key_variables=(),
            needs_key=False,
            features=Features(include_usage=True, prediction=False, prefix_style=None),
            label="Ollama",
        ),
        Preset(
            name="lmstudio",
            base_url="http://localhost:1234/v1",
            key_variables=(),
            needs_key=False,
            features=Features(include_usage=True, prediction=False, prefix_style=None),
            label="LM Studio",
        ),
        Preset(
            name="llamacpp",
            base_url="http://localhost:8080/v1",
            key_variables=(),
            needs_key=False,
            features=Features(
                include_usage=True, prediction=False, prefix_style="continue_final_message"
            ),
            label="llama.cpp server",
        ),
        Preset(
            name="vllm",
            base_url="http://localhost:8000/v1",
            key_variables=(),
            needs_key=False,
            features=Features(
                include_usage=True, prediction=False, prefix_style="continue_final_message"
            ),
            label="vLLM",
        ),
        Preset(
            name="custom",
            base_url="",
            key_variables=("OPENAI_API_KEY",),
            needs_key=False,
            features=Features(),
            label="Custom OpenAI-compatible endpoint",
        ),
    )
}


def preset_named(name: str) -> Preset:
    """The preset called `name`; raises ValueError naming the known ones."""
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValueError(f"unknown endpoint preset {name!r} (known: {known})") from None
