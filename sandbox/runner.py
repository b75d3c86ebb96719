"""Child-process entry point: warm up pygame, lock the process down, then serve the host.

Started by `sandbox.runner_process` as `python -I -m sandbox.runner ...` inside its
bubblewrap view (sandbox.isolate), with a scrubbed environment. Everything that needs
the disk or a subprocess (importing pygame, the system font table, the asset pack)
happens before `lock_down`, while the process still has one thread; the audio device,
whose thread SDL starts, opens after it, so no thread ever runs unconfined. After
lock-down the process can only compute, draw into its frame memory and talk through
its two pipes.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sandbox.runner")
    parser.add_argument("--command-fd", type=int, required=True)
    parser.add_argument("--event-fd", type=int, required=True)
    parser.add_argument("--frame-fd", type=int, required=True)
    parser.add_argument("--assets", default="")
    parser.add_argument("--parent-pid", type=int, default=0)
    parser.add_argument("--memory-limit-mb", type=int, default=2048)
    parser.add_argument("--max-width", type=int, default=1920)
    parser.add_argument("--max-height", type=int, default=1200)
    parser.add_argument("--readable", action="append", default=[], help="a path Landlock leaves readable")
    parser.add_argument("--raw-probe", action="store_true", help="run plain Python (sandbox.raw_probe)")
    return parser.parse_args(argv)


def _open_audio() -> bool:
    import pygame

    try:
        pygame.mixer.init()
        return True
    except pygame.error:
        pass
    # No sound device: SDL's dummy driver keeps mixer code working, silently.
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    try:
        pygame.mixer.init()
        return True
    except pygame.error:
        return False


# Imported lazily by CPython or pygame while a game runs; after lock_down the runner
# may no longer read the standard library, so they are imported now.
PRELOADED_MODULES = ("unicodedata", "encodings.idna", "encodings.latin_1", "encodings.utf_16", "encodings.cp1252")


def _warm_up(assets_dir: str):  # noqa: ANN202 - returns the facade pieces
    """Everything that needs the disk or a subprocess; starts no thread."""
    import importlib

    import pygame

    for name in PRELOADED_MODULES:
        importlib.import_module(name)

    from sandbox.facade.numpy_facade import preload_stdlib_for_numpy
    from sandbox.facade.pygame_media import AssetPack

    preload_stdlib_for_numpy()
    pygame.display.init()
    pygame.display.set_mode((1, 1), 0, 32)  # so Surface.convert() has a display format
    pygame.font.init()
    pygame.font.get_fonts()  # runs fc-list now: subprocesses are impossible later
    default_font = (Path(pygame.__file__).parent / pygame.font.get_default_font()).read_bytes()
    assets = AssetPack(Path(assets_dir) if assets_dir else None)
    assets.preload()
    return assets, default_font


def main(argv: list[str] | None = None) -> None:
    """Warm up, confine, and serve game commands until the host goes away."""
    started = time.perf_counter()
    args = _parse(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the host decides when we stop

    from sandbox import frames
    from sandbox.channel import RunnerChannel
    from sandbox.confine import ConfinementPolicy, default_readable_paths, lock_down
    from sandbox.console import Console
    from sandbox.facade.registry import build_facade
    from sandbox.frame_publisher import FramePublisher
    from sandbox.protocol import Ready
    from sandbox.raw_run import serve_raw
    from sandbox.runtime import GameRuntime

    memory = frames.open_frame_memory(args.frame_fd)
    os.close(args.frame_fd)  # mapped; an open fd would only be a way to resize it
    channel = RunnerChannel(args.command_fd, args.event_fd)
    assets, default_font = _warm_up(args.assets)
    writer = frames.FrameWriter(memory)
    if args.max_width * args.max_height * frames.BYTES_PER_PIXEL > writer.capacity:
        raise SystemExit("the frame memory is smaller than the largest screen allowed")
    readable = default_readable_paths([*args.readable, *([args.assets] if args.assets else [])])
    report = lock_down(
        ConfinementPolicy(
            readable_paths=readable,
            memory_limit_bytes=args.memory_limit_mb * 1024 * 1024,
            parent_pid=args.parent_pid or None,
        )
    )
    if report.unconfined_threads:
        # Landlock without TSYNC binds only this thread: a thread started earlier is free.
        raise SystemExit(
            f"refusing to serve: {report.unconfined_threads} thread(s) started before lock-down "
            "and are not confined"
        )
    audio_ready = _open_audio()  # SDL's audio thread starts here, confined like this one
    warmup_ms = (time.perf_counter() - started) * 1000.0
    ready = Ready(os.getpid(), ",".join(report.applied), "\n".join(report.warnings), warmup_ms)
    if args.raw_probe:
        channel.send(ready)
        serve_raw(channel)
        return
    console = Console(max_size=(args.max_width, args.max_height))
    resolver = build_facade(console, assets, default_font, audio_ready, game_file="game.py")
    runtime = GameRuntime(channel, FramePublisher(writer), console, resolver)
    channel.send(ready)
    runtime.serve()


if __name__ == "__main__":
    main()
