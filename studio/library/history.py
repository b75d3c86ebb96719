"""History: undo and redo over the versions of a game as the user played them; nothing is deleted.

A timeline of steps (version ids) and a cursor. `record` adds the version that starts
running as a new step after the cursor (a restore of an old version too, so undo after a
restore comes back); undo and redo only move the cursor. Versions live in the store, saved
before they ran, so the history holds ids only and reads everything else from disk.

The timeline is in memory. A new History over a store resumes at the newest playable
version and rebuilds the steps that led to it from the versions' parents (restores made in
an earlier run are not steps any more; their versions are all still listed).
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.library.store import Version, VersionStore

LABEL_LENGTH = 80
"""Characters of the prompt or instruction shown in an entry's one-line label."""

EDIT_LABEL = "edited by hand"
"""The label of a version the user wrote in the code view (the window shows it translated)."""

MAX_RESUMED_STEPS = 1000
"""How far back a resumed history rebuilds its steps."""

PLAYABLE_OUTCOMES = (None, "ok")
"""Outcomes of versions a resumed history may step to (None: it ran, no verdict saved)."""


@dataclass(frozen=True)
class HistoryEntry:
    """One version as the history panel lists it."""

    version_id: int
    parent_id: int | None
    kind: str  # "make", "repair", "partial", "edit", "tweak"
    label: str  # one line: the prompt or instruction, or EDIT_LABEL
    model: str
    created_at: float
    outcome: str | None
    is_current: bool


class History:
    """The undo/redo cursor of one studio session over a VersionStore (GUI thread only)."""

    def __init__(self, store: VersionStore, resume: bool = True) -> None:
        """`resume`: start at the newest playable version in the store (so undo reaches
        the versions before it); otherwise start empty, with nothing current."""
        self._store = store
        self._steps: list[int] = self._resumed_steps() if resume else []
        self._cursor = len(self._steps) - 1  # -1: nothing current
        self._played: dict[int, None] = dict.fromkeys(self._steps)
        """Every version ever recorded, in order (steps cleared from redo stay listed)."""

    # -- moving ---------------------------------------------------------------------------

    def record(self, version_id: int) -> Version:
        """A version starts running: it becomes current.

        The current version again changes nothing; the redo target moves the cursor
        forward (as redo would); any other version, older ones included, becomes a new
        step after the current one and clears redo. Raises KeyError for an unknown id.
        """
        version = self._store.get(version_id)
        if version is None:
            raise KeyError(f"no version {version_id}")
        if self.current_id == version_id:
            return version
        if self.can_redo and self._steps[self._cursor + 1] == version_id:
            self._cursor += 1
            return version
        del self._steps[self._cursor + 1 :]
        self._steps.append(version_id)
        self._cursor += 1
        self._played[version_id] = None
        return version

    def undo(self) -> Version | None:
        """Step back to the version current before this one (None if there is none)."""
        if not self.can_undo:
            return None
        self._cursor -= 1
        return self._store.get(self._steps[self._cursor])

    def redo(self) -> Version | None:
        """Step forward again after undo (None if there is nothing to redo)."""
        if not self.can_redo:
            return None
        self._cursor += 1
        return self._store.get(self._steps[self._cursor])

    @property
    def can_undo(self) -> bool:
        return self._cursor > 0

    @property
    def can_redo(self) -> bool:
        return self._cursor + 1 < len(self._steps)

    # -- reading --------------------------------------------------------------------------

    @property
    def current_id(self) -> int | None:
        """The id of the current version, without reading it."""
        return self._steps[self._cursor] if self._cursor >= 0 else None

    def current(self) -> Version | None:
        """The version running now (as far as the history was told)."""
        current_id = self.current_id
        return self._store.get(current_id) if current_id is not None else None

    def version(self, version_id: int) -> Version | None:
        """Any version of the store (to compare or restore it)."""
        return self._store.get(version_id)

    @property
    def steps(self) -> tuple[int, ...]:
        """The timeline, oldest step first; a version restored twice appears twice."""
        return tuple(self._steps)

    def entries(self) -> list[HistoryEntry]:
        """Every version of the games played in this history, newest first.

        A game is a version's family by parent_id (make, repairs, partial replies, tweaks),
        so versions never run (a refused make, a partial reply) are listed too, and so are
        versions whose redo step a newer version cleared: all can be restored or compared.
        """
        listed: dict[int, Version] = {}
        for played in self._played:
            if played not in listed:
                listed.update(
                    (version.id, version) for version in self._store.versions_of_lineage(played)
                )
        current_id = self.current_id
        return [
            HistoryEntry(
                version_id=version.id,
                parent_id=version.parent_id,
                kind=version.kind,
                label=label_of(version),
                model=version.model,
                created_at=version.created_at,
                outcome=version.outcome,
                is_current=version.id == current_id,
            )
            for version in sorted(listed.values(), key=lambda version: version.id, reverse=True)
        ]

    # -- resuming -------------------------------------------------------------------------

    def _resumed_steps(self) -> list[int]:
        """The newest playable version and the playable versions it came from, oldest first."""
        start = self._store.previous()
        while start is not None and not _playable(start):
            start = self._store.previous(start.id)
        chain: list[int] = []
        seen: set[int] = set()
        version = start
        while version is not None and version.id not in seen and len(chain) < MAX_RESUMED_STEPS:
            seen.add(version.id)
            if _playable(version):
                chain.append(version.id)
            version = self._made_from(version)
        return chain[::-1]

    def _made_from(self, version: Version) -> Version | None:
        """The version this one was made from: its parent, or for a parentless edit (the
        session saves hand edits without one) the version saved just before it."""
        if version.parent_id is not None:
            return self._store.get(version.parent_id)
        if version.kind == "make":
            return None
        return self._store.previous(version.id)


def label_of(version: Version) -> str:
    """One line for a version: its prompt or instruction, shortened, or EDIT_LABEL."""
    if version.kind == "edit":
        return EDIT_LABEL
    line = " ".join(version.prompt.split())
    return line if len(line) <= LABEL_LENGTH else line[: LABEL_LENGTH - 1].rstrip() + "…"


def _playable(version: Version) -> bool:
    return version.kind != "partial" and version.outcome in PLAYABLE_OUTCOMES
