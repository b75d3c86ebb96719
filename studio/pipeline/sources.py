"""The two places a reply can come from: a model endpoint, or the offline starter kit."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from studio.llm.client import ModelClient
from studio.llm.events import ReplyStream
from studio.pipeline.starter_kit import StarterKit

Messages = list[dict[str, str]]


class ModelSource:
    """Replies streamed from an OpenAI-compatible endpoint."""

    offline = False
    can_repair = True

    def __init__(self, client: ModelClient, model: str) -> None:
        self.client = client
        self.model = model
        self._lock = threading.Lock()
        self._current: ReplyStream | None = None

    def stream(self, description: str, messages: Messages) -> Iterator[object]:
        """Stream one reply to `messages` (the description is already in them)."""
        reply = self.client.stream_chat(messages)
        with self._lock:
            self._current = reply
        try:
            yield from reply
        finally:
            with self._lock:
                self._current = None
            reply.close()

    def cancel(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.cancel()


class OfflineSource:
    """Replies from the built-in starter kit, streamed like a fast model."""

    model = "offline starter kit"
    offline = True
    can_repair = False

    def __init__(self, kit: StarterKit, tokens_per_s: float = 4000.0) -> None:
        self.kit = kit
        self.tokens_per_s = tokens_per_s
        self._cancel = threading.Event()

    def stream(self, description: str, messages: Messages) -> Iterator[object]:
        """Stream the starter game chosen and tuned for `description`."""
        self._cancel.clear()
        yield from self.kit.stream(description, tokens_per_s=self.tokens_per_s, cancel=self._cancel)

    def cancel(self) -> None:
        self._cancel.set()
