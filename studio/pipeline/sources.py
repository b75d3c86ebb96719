"""The two places a reply can come from: a model endpoint, or the offline starter kit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from studio.llm.events import ReplyStream
from studio.pipeline.make import ReplySource
from studio.pipeline.starter_kit import StarterKit
from studio.settings import ModelChoice, Paths, choose_model

if TYPE_CHECKING:  # importing openai costs ~300 ms: only when a model is really used
    from studio.llm.client import ModelClient

Messages = list[dict[str, str]]


class ModelSource:
    """Replies streamed from an OpenAI-compatible endpoint."""

    @property
    def prefix_style(self) -> str | None:
        """How this endpoint continues a partial reply (None: unknown, use a plain request)."""
        return self.client.endpoint.features.prefix_style

    offline = False
    can_repair = True

    def __init__(self, client: ModelClient, model: str) -> None:
        self.client = client
        self.model = model
        self._lock = threading.Lock()
        self._current: ReplyStream | None = None

    def stream(
        self, description: str, messages: Messages, prediction: str | None = None, extra_body: dict | None = None
    ) -> Iterator[object]:
        """Stream one reply to `messages` (the description is already in them)."""
        use_prediction = prediction is not None and self.client.endpoint.features.prediction is not False
        reply = self.client.stream_chat(
            messages, prediction=prediction if use_prediction else None, extra_body=extra_body
        )
        with self._lock:
            self._current = reply
        try:
            yield from reply
        finally:
            with self._lock:
                if self._current is reply:  # a newer stream may already have taken the slot
                    self._current = None
            reply.close()

    def cancel(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.cancel()


class OfflineSource:
    """Replies from the built-in starter kit, streamed like a fast model."""

    prefix_style = "new_request"  # the kit cannot continue a reply: it starts again

    model = "offline starter kit"
    offline = True
    can_repair = False

    def __init__(self, kit: StarterKit, tokens_per_s: float = 4000.0) -> None:
        self.kit = kit
        self.tokens_per_s = tokens_per_s
        self._lock = threading.Lock()
        self._cancel = threading.Event()  # one per stream: a new stream never revives an old one

    def stream(
        self, description: str, messages: Messages, prediction: str | None = None, extra_body: dict | None = None
    ) -> Iterator[object]:
        """Stream the starter game chosen and tuned for `description` (the kit reads no messages)."""
        cancel = threading.Event()
        with self._lock:
            self._cancel = cancel
        yield from self.kit.stream(description, tokens_per_s=self.tokens_per_s, cancel=cancel)

    def cancel(self) -> None:
        with self._lock:
            self._cancel.set()


def model_choice(base_url: str | None, model: str | None, offline: bool) -> ModelChoice:
    """The endpoint the command line and the environment ask for, or offline."""
    from studio.llm.keys import find_key
    from studio.llm.presets import PRESETS, preset_named

    def key_for(name: str) -> str | None:
        try:
            return find_key(preset_named(name)).key
        except ValueError:
            return None

    return choose_model(base_url, model, offline, key_for, {name: p.base_url for name, p in PRESETS.items()})


def reply_source_for(choice: ModelChoice) -> ReplySource:
    """A warmed-up model source, or the offline starter kit."""
    if choice.offline:
        return OfflineSource(StarterKit(Paths().starters))
    from studio.llm.client import ModelClient
    from studio.llm.endpoint import Endpoint

    assert choice.base_url is not None
    client = ModelClient(Endpoint(choice.base_url, choice.model, choice.api_key, choice.preset))
    client.warm_up()  # the connection opens while the runners warm up
    return ModelSource(client, choice.model or choice.preset)
