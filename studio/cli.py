"""Command line for every studio command (DESIGN section 6); thin by design."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from studio.json_output import print_json
from studio.settings import Paths


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    # Turn SIGTERM into the same clean unwinding as Ctrl+C, so every `finally`
    # that closes runners runs.
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio", description="Say a sentence, play the game seconds later."
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log what the sandbox does (layers, warnings)"
    )
    commands = parser.add_subparsers(dest="command")
    play = commands.add_parser("play", help="play a game file in a sandboxed window")
    play.add_argument("file", type=Path)
    check = commands.add_parser("check", help="run a game headless and report how it went")
    check.add_argument("file", type=Path)
    check.add_argument("--frames", type=int, default=600, help="frames to run (default 600)")
    check.add_argument("--seed", type=int, default=0, help="seed for the game's random numbers and input")
    check.add_argument("--timeout", type=float, default=30.0, help="give up after this many seconds")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    make = commands.add_parser("make", help="make a game from a description, headless")
    make.add_argument("prompt", help="the game to make, in one sentence")
    make.add_argument("-o", "--output", type=Path, help="file to write (default: from the game's title)")
    make.add_argument("--force", action="store_true", help="replace the output file if it exists")
    make.add_argument("--json", action="store_true", help="print one JSON object")
    _add_model_options(make)
    tweak = commands.add_parser("tweak", help="change a game file by instruction, headless")
    tweak.add_argument("file", type=Path)
    tweak.add_argument("instruction", help="what to change, e.g. 'make the snake blue'")
    tweak.add_argument("-o", "--output", type=Path, help="write here instead of back to FILE")
    tweak.add_argument("--json", action="store_true", help="print one JSON object")
    _add_model_options(tweak)
    transcribe = commands.add_parser(
        "transcribe", help="turn a WAV recording into text (offline unless --engine endpoint)"
    )
    transcribe.add_argument("audio", type=Path, help="a WAV file, at most 60 s long")
    transcribe.add_argument("--json", action="store_true", help="print one JSON object")
    transcribe.add_argument(
        "--engine", choices=("offline", "endpoint"), default="offline",
        help="offline: pocketsphinx, English, the default even with an endpoint configured; "
        "endpoint: the configured endpoint's audio API",
    )
    _add_model_options(transcribe)
    evaluate = commands.add_parser("eval", help="make and check every game of a prompt suite; compare endpoints")
    evaluate.add_argument("--suite", type=Path, help="one description per line (default: the built-in 40+ prompts)")
    evaluate.add_argument("--jobs", type=int, default=1, help="prompts made at once, sharing one client (default 1)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--report", type=Path, help="write a Markdown report with a thumbnail grid here")
    _add_model_options(evaluate)
    export = commands.add_parser("export", help="export a game as a standalone script, a web build or a cartridge")
    export.add_argument("file", type=Path, help="a game file (.py) or a cartridge (.minigame)")
    export.add_argument("--as", dest="kind", required=True, choices=("standalone", "web", "cartridge"))
    export.add_argument("-o", "--output", type=Path, help="where to write (default: next to FILE)")
    import_ = commands.add_parser("import", help="add a shared game (.minigame) to the library, untrusted")
    import_.add_argument("cartridge", type=Path)
    return parser


def _add_model_options(command: argparse.ArgumentParser) -> None:
    """--base-url, --model, --offline: on every command that talks to a model."""
    command.add_argument("--base-url", help="an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1")
    command.add_argument("--model", help="the model to use (default: the endpoint's only model)")
    command.add_argument("--offline", action="store_true", help="use the built-in starter kit, no model")


COMMANDS = ("play", "check", "make", "tweak", "transcribe", "eval", "export", "import")
GAME_RUNNING_COMMANDS = ("play", "check", "make", "tweak", "eval")


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studio", description="Open the studio window.")
    parser.add_argument("prompt", nargs="?", help="start making this game at once")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the sandbox does")
    _add_model_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `studio` console script."""
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not any(word in COMMANDS for word in arguments[:2]) and "-h" not in arguments and "--help" not in arguments:
        return _open_studio(_window_parser().parse_args(arguments))
    args = _parser().parse_args(arguments)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR, format="studio: %(name)s: %(message)s"
    )
    from sandbox.confine import make_host_undumpable

    # A runner that escaped its other layers still cannot read our memory or environ.
    make_host_undumpable()
    if args.command in GAME_RUNNING_COMMANDS:
        _say_if_not_isolated()
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "make":
            return _make(args)
        if args.command == "tweak":
            return _tweak(args)
        if args.command == "transcribe":
            return _transcribe(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "export":
            from studio.export_command import run_export

            return run_export(args.file, args.kind, args.output)
        if args.command == "import":
            from studio.export_command import run_import

            return run_import(args.cartridge, Paths())
        return _play(args.file)
    except KeyboardInterrupt:
        return 130


def _say_if_not_isolated() -> None:
    """One plain line on stderr when games cannot get their own namespaces on this machine."""
    from sandbox.isolate import find_isolation

    isolation = find_isolation()
    if not isolation.available:
        print(f"studio: warning: games run without namespace isolation: {isolation.reason}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from sandbox.check import CheckResult, GameFileError, check_source, read_game_file
    from sandbox.runner_process import RunnerSettings

    try:
        source = read_game_file(args.file)
    except GameFileError as error:
        result = CheckResult("error", str(error), None, 0, 0.0, 0.0, 0.0, False, False)
    else:
        settings = RunnerSettings(assets_dir=Paths().asset_pack)
        result = check_source(
            source, args.file.name, frames=max(1, args.frames), seed=args.seed,
            settings=settings, timeout_s=args.timeout,
        )
    if args.json:
        print_json(result.to_json())
    else:
        print(_describe(result), file=sys.stdout if result.status == "ok" else sys.stderr)
    return 0 if result.status == "ok" else 1


def _open_studio(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR, format="studio: %(name)s: %(message)s")
    from sandbox.confine import make_host_undumpable
    from studio.pipeline.sources import model_choice

    make_host_undumpable()
    _say_if_not_isolated()
    choice = model_choice(args.base_url, args.model, args.offline)
    from studio.qt.app import run_studio

    try:
        return run_studio(choice, args.prompt)
    except KeyboardInterrupt:
        return 130


def _make(args: argparse.Namespace) -> int:
    from studio.make_command import model_choice, reply_source_for, run_make

    choice = model_choice(args.base_url, args.model, args.offline)
    if choice.offline and not args.offline and not args.json:
        print(f"studio: {choice.reason}", file=sys.stderr)
    source = reply_source_for(choice)
    return run_make(args.prompt, source, choice, args.output, args.force, args.json)


def _tweak(args: argparse.Namespace) -> int:
    from studio.pipeline.sources import model_choice, reply_source_for
    from studio.tweak_command import run_tweak

    choice = model_choice(args.base_url, args.model, args.offline)
    if choice.offline and not args.offline and not args.json:
        print(f"studio: {choice.reason}", file=sys.stderr)
    return run_tweak(args.file, args.instruction, reply_source_for(choice), args.output, args.json)


def _transcribe(args: argparse.Namespace) -> int:
    from studio.transcribe_command import run_transcribe

    choice = None
    if args.engine == "endpoint":
        from studio.pipeline.sources import model_choice

        choice = model_choice(args.base_url, args.model, args.offline)
    return run_transcribe(args.audio, args.engine, choice, args.json)


def _eval(args: argparse.Namespace) -> int:
    from studio.eval_command import run_eval
    from studio.pipeline.sources import model_choice

    choice = model_choice(args.base_url, args.model, args.offline)
    note = choice.reason if choice.offline and not args.offline and not args.json else None
    return run_eval(args.suite, choice, max(1, args.jobs), args.json, args.report, note)


def _describe(result: object) -> str:
    from sandbox.check import CheckResult

    assert isinstance(result, CheckResult)
    if result.status != "ok":
        return f"{result.status}: {result.message}"
    notes = ["blank screen" if result.blank else "draws", "responds to input" if result.responds_to_input else "ignores input"]
    return (
        f"ok: {result.frames} frames at {result.fps:.0f} fps (load {result.load_ms:.1f} ms, "
        f"first frame {result.first_frame_ms:.1f} ms); {', '.join(notes)}"
    )


def _play(file: Path) -> int:
    from sandbox.check import GameFileError, read_game_file

    try:
        source = read_game_file(file)
    except GameFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from studio.qt.play_window import run_play_window

    return run_play_window(source, file.name, Paths().asset_pack)
