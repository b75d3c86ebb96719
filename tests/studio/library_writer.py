"""A library writer for the crash test: writes versions, games, thumbnails and renames until killed.

    python -m tests.studio.library_writer LIBRARY_FILE PREFIX SEED

After each write returns it prints (flushed) one line per fact it may now rely on:

    V <version_id> <sha256 of the code>      a version was saved
    G <game_id> <root_version_id>            a game exists with this root
    H <game_id> <version_id>                 the game's head is this version (or a newer one)
    T <game_id> <n>                          its thumbnail is number n (or a newer one)
    N <game_id> <n>                          its title is "<PREFIX> game <n>" (or a newer one)
    P <game_id> <count>                      it was played this many times (or once more)

Numbers only grow within one run, so the test can tell a newer value from a lost one.
Codes and thumbnails range from a few bytes to tens of KB, so writes span overflow pages.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

from studio.library.game_fields import PNG_SIGNATURE
from studio.library.games import GameLibrary
from studio.library.store import VersionStore


def code_of(prefix: str, n: int, rng: random.Random) -> str:
    """A game's code: a docstring title, then a body of varying size."""
    body = f"score_{n} = {n}\n" * rng.choice([1, 5, 200, 1500])
    return f'"""{prefix} game {n}. Made by the crash test."""\nimport pygame\n{body}'


def thumbnail_of(n: int, rng: random.Random) -> bytes:
    """PNG-signed bytes that carry their number: b"<signature><n>:" then filler."""
    return PNG_SIGNATURE + f"{n}:".encode() + rng.randbytes(rng.choice([10, 3000, 40_000]))


def sha(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def say(*fields: object) -> None:
    print(*fields, flush=True)


def main() -> None:
    path, prefix, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    store = VersionStore(path)
    library = GameLibrary(store)
    heads: dict[int, int] = {}  # this run's games and their heads
    thumbnails: dict[int, int] = {}
    n = 0
    while True:
        n += 1
        action = rng.choice(
            ["lineage", "game", "tweak", "tweak", "thumbnail", "rename", "duplicate", "play"]
        )
        if not heads:
            action = rng.choice(["lineage", "game"])
        game_id = rng.choice(sorted(heads)) if heads else 0
        if action == "lineage":  # the studio's path: save a version, then it runs
            code = code_of(prefix, n, rng)
            version_id = store.add("make", f"{prefix} prompt {n}", code, "writer", True)
            say("V", version_id, sha(code))
            game = library.record_version(version_id)
            heads[game.id] = version_id
            say("G", game.id, version_id)
        elif action == "game":  # an import: version, game and thumbnail in one transaction
            code = code_of(prefix, n, rng)
            game = library.add_game(
                f"{prefix} game {n}",
                code,
                author="writer",
                trusted=False,
                origin="imported",
                thumbnail_png=thumbnail_of(n, rng),
            )
            heads[game.id], thumbnails[game.id] = game.root_version_id, n
            say("V", game.root_version_id, sha(code))
            say("G", game.id, game.root_version_id)
            say("T", game.id, n)
        elif action == "tweak":
            code = code_of(prefix, n, rng)
            version_id = store.add(
                "tweak", f"{prefix} tweak {n}", code, "writer", True, heads[game_id]
            )
            say("V", version_id, sha(code))
            library.record_version(version_id)
            heads[game_id] = version_id
            say("H", game_id, version_id)
        elif action == "thumbnail":
            library.set_thumbnail(game_id, thumbnail_of(n, rng))
            thumbnails[game_id] = n
            say("T", game_id, n)
        elif action == "rename":
            library.rename(game_id, f"{prefix} game {n}")
            say("N", game_id, n)
        elif action == "duplicate":
            copy = library.duplicate(game_id)
            heads[copy.id] = copy.root_version_id
            say("V", copy.root_version_id, sha(library.code(copy.id)))
            say("G", copy.id, copy.root_version_id)
            if game_id in thumbnails:
                thumbnails[copy.id] = thumbnails[game_id]
                say("T", copy.id, thumbnails[game_id])
        else:
            say("P", game_id, library.count_play(game_id))


if __name__ == "__main__":
    main()
