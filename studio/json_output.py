"""The one JSON object a `--json` command prints: strict JSON that every reader accepts.

Python's json writes NaN and Infinity, which are not JSON: a reader that trusts the
line breaks on them. Every number that cannot be carried becomes a finite one first
(NaN → 0.0, ±Infinity → ±MAX_NUMBER), and json.dumps refuses anything that slipped by.
"""

from __future__ import annotations

import json
import math

MAX_NUMBER = 1e12  # beyond any real timing, rate or count the commands report


def finite_json(value: object) -> object:
    """`value` with every float in it (inside dicts, lists and tuples too) made finite."""
    if isinstance(value, float):
        if math.isnan(value):
            return 0.0
        return min(max(value, -MAX_NUMBER), MAX_NUMBER)
    if isinstance(value, dict):
        return {key: finite_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite_json(item) for item in value]
    return value


def json_line(value: object) -> str:
    """`value` as one line of strict JSON (no NaN, no Infinity)."""
    return json.dumps(finite_json(value), allow_nan=False)


def print_json(value: object) -> None:
    """Print `value` as one line of strict JSON on stdout."""
    print(json_line(value))
