"""GameHost end to end: real runner processes, real frames in shared memory, real input.

Games encode what they saw into their pixels or print it, so every assertion reads the
game's own state through the same channels the studio window uses.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from sandbox.host import GameHost, RunnerSettings, RunnerStopped
from sandbox.protocol import Caption, FrameShown, GameError, Loaded, Log, Refused
from tests.sandbox.fixtures.hosting import (
    Watcher,
    alive,
    game,
    pixel,
    runner_pids,
    shm_names,
    wait_dead,
)

pytestmark = pytest.mark.usefixtures("no_leaks")

REPO_ROOT = Path(__file__).resolve().parents[2]
SECRET = "sk-test-host-secret-4f1c9a"


def load(host: GameHost, watch: Watcher, source: str) -> Loaded:
    host.load_new(source)
    event = watch.event((Loaded, Refused, GameError, RunnerStopped))
    assert isinstance(event, Loaded), event
    return event


COUNTER = game(
    """
    import pygame
    WIDTH, HEIGHT = 32, 24
    n = 0
    def update(dt):
        global n
        n += 1
    def draw(screen):
        screen.fill((n % 256, n // 256 % 256, 77))
    """
)


def counter_of(frame) -> int:  # noqa: ANN001
    r, g, _b = pixel(frame)
    return r + 256 * g


# -- frames ------------------------------------------------------------------------------


def test_frame_pixels_are_what_the_game_drew(host: GameHost, watch: Watcher) -> None:
    loaded = load(
        host,
        watch,
        game(
            """
            import pygame
            WIDTH, HEIGHT = 40, 30
            def draw(screen):
                screen.fill((255, 0, 0))
                pygame.draw.rect(screen, (0, 128, 255), (10, 5, 4, 4))
            """
        ),
    )
    assert loaded.shape == "callback"
    watch.event(FrameShown)
    frame = watch.frame()
    assert (frame.width, frame.height) == (40, 30)
    assert len(frame.pixels) == 40 * 30 * 4
    assert frame.pixels[:3] == bytes((0, 0, 255))  # B, G, R
    assert pixel(frame, 0, 0) == (255, 0, 0)
    assert pixel(frame, 11, 6) == (0, 128, 255)
    later = watch.frame(after=frame.number)
    assert later.number > frame.number
    assert host.latest_frame(later.number + 10_000) is None  # nothing newer than asked for


# -- input -------------------------------------------------------------------------------

KEYS = game(
    """
    import pygame
    WIDTH, HEIGHT = 32, 24
    def on_key_down(key, unicode):
        print("down", key, repr(unicode))
    def on_key_up(key):
        print("up", key)
    def draw(screen):
        pressed = pygame.key.get_pressed()
        screen.fill((0, 255, 0) if pressed[pygame.K_RIGHT] else (0, 0, 255))
    """
)


def test_forwarded_keys_reach_get_pressed_and_hooks(host: GameHost, watch: Watcher) -> None:
    load(host, watch, KEYS)
    first = watch.frame(lambda f: pixel(f) == (0, 0, 255))
    host.send_key(True, pygame.K_RIGHT)
    held = watch.frame(lambda f: pixel(f) == (0, 255, 0), after=first.number)
    watch.wait_output(f"down {pygame.K_RIGHT} ''\n")
    host.send_key(False, pygame.K_RIGHT)
    watch.frame(lambda f: pixel(f) == (0, 0, 255), after=held.number)
    watch.wait_output(f"up {pygame.K_RIGHT}\n")
    host.send_key(True, pygame.K_a, unicode="a")
    watch.wait_output(f"down {pygame.K_a} 'a'\n")


MOUSE = game(
    """
    import pygame
    WIDTH, HEIGHT = 200, 150
    def on_mouse_down(pos, button):
        print("down", pos, button, pygame.mouse.get_pos(), pygame.mouse.get_pressed()[button - 1])
    def on_mouse_up(pos, button):
        print("up", pos, button, pygame.mouse.get_pressed()[button - 1])
    def draw(screen):
        x, y = pygame.mouse.get_pos()
        screen.fill((x, y, 1))
    """
)


def test_forwarded_mouse_reaches_hooks_and_get_pos(host: GameHost, watch: Watcher) -> None:
    load(host, watch, MOUSE)
    first = watch.frame()
    host.send_mouse("move", 12, 34, rel_x=12, rel_y=34)
    moved = watch.frame(lambda f: pixel(f) == (12, 34, 1), after=first.number)
    host.send_mouse("down", 40, 30, 1)
    watch.frame(lambda f: pixel(f) == (40, 30, 1), after=moved.number)
    watch.wait_output("down (40, 30) 1 (40, 30) True\n")
    host.send_mouse("up", 41, 31, 1)
    watch.wait_output("up (41, 31) 1 False\n")
    host.send_mouse("down", 5000, -20, 3)  # outside the screen: clamped, not an error
    watch.wait_output("down (199, 0) 3 (199, 0) True\n")


CLASSIC = game(
    """
    import pygame
    pygame.init()
    screen = pygame.display.set_mode((40, 30))
    pygame.display.set_caption("Classic caption")
    clock = pygame.time.Clock()
    colour = (255, 0, 0)
    frames = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                colour = (0, 0, 255)
                print("space at", pygame.mouse.get_pos())
            elif event.type == pygame.MOUSEBUTTONDOWN:
                print("click", event.pos, event.button)
        frames += 1
        screen.fill(colour)
        pygame.display.flip()
        clock.tick(60)
    """
)


def test_classic_script_runs_and_takes_input_through_event_get(host: GameHost, watch: Watcher) -> None:
    loaded = load(host, watch, CLASSIC)
    assert loaded.shape == "classic"
    red = watch.frame(lambda f: pixel(f) == (255, 0, 0))
    assert (red.width, red.height) == (40, 30)
    later = watch.frame(after=red.number + 5)  # its own loop keeps publishing frames
    host.send_key(True, pygame.K_SPACE, unicode=" ")
    watch.frame(lambda f: pixel(f) == (0, 0, 255), after=later.number)
    watch.wait_output("space at (0, 0)\n")
    host.send_mouse("down", 7, 8, 1)
    watch.wait_output("click (7, 8) 1\n")


# -- pause, step, resume -----------------------------------------------------------------


def _settled_frame(host: GameHost, watch: Watcher, quiet_polls: int = 10) -> int:
    """Once a paused game has published its last frame, its number stops changing."""
    number, same = -1, 0
    for _ in range(500):
        frame = host.latest_frame()
        current = frame.number if frame else -1
        same = same + 1 if current == number else 0
        number = current
        if same >= quiet_polls:
            return number
        time.sleep(0.02)
    raise AssertionError("the paused game kept publishing frames")


def test_pause_stops_frames_step_advances_exactly_one_resume_continues(host: GameHost, watch: Watcher) -> None:
    load(host, watch, COUNTER)
    watch.frame(lambda f: counter_of(f) >= 3)
    host.pause()
    paused_at = _settled_frame(host, watch)
    frame = host.latest_frame()
    assert frame is not None and frame.number == paused_at
    counter = counter_of(frame)
    time.sleep(0.3)
    assert host.latest_frame(paused_at) is None, "frames advanced while paused"

    host.step()
    stepped = watch.frame(after=paused_at)
    assert stepped.number == paused_at + 1
    assert counter_of(stepped) == counter + 1
    host.step()
    host.step()
    twice = watch.frame(lambda f: f.number >= paused_at + 3, after=stepped.number)
    assert _settled_frame(host, watch) == paused_at + 3 == twice.number
    assert counter_of(host.latest_frame()) == counter + 3

    host.resume()
    resumed = watch.frame(lambda f: f.number >= paused_at + 10, after=twice.number)
    assert counter_of(resumed) >= counter + 10
    assert not [e for e in watch.events if isinstance(e, RunnerStopped)]


# -- caption and output ------------------------------------------------------------------


def test_caption_arrives_after_set_caption(host: GameHost, watch: Watcher) -> None:
    load(
        host,
        watch,
        game(
            """
            import pygame
            WIDTH, HEIGHT = 16, 16
            pygame.display.set_caption("Hello caption")
            n = 0
            def update(dt):
                global n
                n += 1
                if n == 5:
                    pygame.display.set_caption("Level 2")
            def draw(screen):
                screen.fill((0, 0, 0))
            """
        ),
    )
    assert watch.event(Caption, timeout_s=5).title == "Hello caption"
    assert watch.event(Caption, timeout_s=5).title == "Level 2"


def test_print_arrives_as_output(host: GameHost, watch: Watcher) -> None:
    load(
        host,
        watch,
        game(
            """
            import sys
            print("loading", 1, 2, sep="-")
            n = 0
            def update(dt):
                global n
                n += 1
                if n == 3:
                    print("frame", n, end="!\\n")
                    print("to stderr", file=sys.stderr)
            def draw(screen):
                screen.fill((0, 0, 0))
            """
        ),
    )
    text = watch.wait_output("to stderr\n")
    assert text == "loading-1-2\nframe 3!\nto stderr\n"


def test_sys_stdout_write_arrives_as_output(host: GameHost, watch: Watcher) -> None:
    load(
        host,
        watch,
        game(
            """
            import sys
            sys.stdout.write("via stdout\\n")
            sys.stderr.write("via stderr\\n")
            def draw(screen):
                screen.fill((0, 0, 0))
            """
        ),
    )
    watch.event(FrameShown)
    text = watch.wait_output("via stderr\n", timeout_s=5)
    assert text == "via stdout\nvia stderr\n"


def test_print_flood_is_rate_limited_not_fatal(host: GameHost, watch: Watcher) -> None:
    load(
        host,
        watch,
        game(
            """
            WIDTH, HEIGHT = 16, 16
            CHUNK = "x" * 65535
            n = 0
            def update(dt):
                global n
                n += 1
                print(CHUNK)
            def draw(screen):
                screen.fill((n % 256, n // 256 % 256, 0))
            """
        ),
    )
    first = watch.frame()
    # Wait for the runner's own report that it dropped output (once per second of flood).
    warning = watch.event(Log, lambda e: "printed too much" in e.text)
    assert warning.level == "warning"
    last = watch.frame(lambda f: f.number >= first.number + 30, after=first.number)
    printed = 65536 * (counter_of(last))  # what the game printed by then
    received = len(watch.output_text())
    assert 0 < received < printed / 2
    assert not watch.of(RunnerStopped), "a print flood stopped the game"
    assert alive(host.runner_pid)


# -- replacing a game ---------------------------------------------------------------------


def test_load_new_replaces_the_game_and_frame_numbers_keep_growing(host: GameHost, watch: Watcher) -> None:
    load(host, watch, COUNTER)
    old_pid = host.runner_pid
    before = watch.frame(lambda f: counter_of(f) >= 5)
    load(host, watch, game("""
        WIDTH, HEIGHT = 10, 10
        def draw(screen):
            screen.fill((1, 2, 3))
        """))
    after = watch.frame(lambda f: pixel(f) == (1, 2, 3), after=before.number)
    # Only now: the new game takes over at its first frame, not when it has loaded.
    assert host.runner_pid != old_pid
    assert after.number > before.number
    assert (after.width, after.height) == (10, 10)
    assert wait_dead(old_pid), "the replaced game's runner is still alive"
    newer = watch.frame(after=after.number)
    assert newer.number > after.number and pixel(newer) == (1, 2, 3)


# -- what the runner can and cannot see ---------------------------------------------------

ENV_PROBE = game(
    """
    import os
    import sys
    seen = []
    def attempt(label, route):
        try:
            seen.append(label + "=" + repr(route()))
        except Exception as error:
            seen.append(label + " failed: " + type(error).__name__)
    attempt("environ", lambda: dict(os.environ))
    attempt("getenv", lambda: os.getenv("OPENAI_API_KEY"))
    attempt("get", lambda: os.environ.get("OPENAI_API_KEY", "absent"))
    attempt("in", lambda: "OPENAI_API_KEY" in os.environ)
    attempt("open", lambda: open("/proc/self/environ").read())
    attempt("getattr", lambda: getattr(os, "environb"))
    attempt("vars", lambda: vars(os))
    attempt("dir", lambda: dir(os))
    attempt("popen", lambda: os.popen("env").read())
    attempt("eval", lambda: eval("os.environ"))
    print("PROBE", seen)
    def draw(screen):
        screen.fill((0, 0, 0))
    """
)


def test_runner_environment_has_no_secrets(
    runner_settings: RunnerSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("MINIGAME_TEST_TOKEN", SECRET)
    with GameHost(runner_settings) as host:
        watch = Watcher(host)
        host.load_new(ENV_PROBE)
        event = watch.event((Loaded, Refused, GameError))
        assert isinstance(event, Loaded), event
        text = watch.wait_output("PROBE")
        assert "environ={}" in text and "getenv=None" in text
        assert "get='absent'" in text and "in=False" in text
        assert SECRET not in text
        pid = host.runner_pid
        assert pid is not None
        environ = Path(f"/proc/{pid}/environ").read_bytes()  # the test runs as root
        assert environ, "could not read the runner's environment"
        assert SECRET.encode() not in environ
        names = {item.split(b"=", 1)[0] for item in environ.split(b"\0") if item}
        assert b"OPENAI_API_KEY" not in names and b"MINIGAME_TEST_TOKEN" not in names
        assert b"HOME" in names and b"PATH" in names  # it is a real, scrubbed environment
        # The runner starts in an empty working directory of its own.
        cwd = Path(os.readlink(f"/proc/{pid}/cwd"))
        assert cwd != Path.cwd() and not any(cwd.iterdir())


def test_confinement_report_lists_the_layers(host: GameHost, watch: Watcher) -> None:
    assert host.confinement is None  # nothing plays yet
    load(host, watch, COUNTER)
    deadline = time.monotonic() + 15
    while host.confinement is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert host.confinement is not None
    applied, warnings = host.confinement
    layers = applied.split(",")
    assert isinstance(warnings, str)
    if sys.platform == "linux":
        assert "rlimits" in layers and "no-new-privs" in layers
        from sandbox import landlock, seccomp_filter

        try:
            seccomp_filter.build_filter(os.getpid())
            assert "seccomp" in layers
        except seccomp_filter.SeccompUnavailable:
            assert "seccomp" in warnings
        try:
            abi = landlock.abi_version()
        except landlock.LandlockUnavailable:
            abi = 0
        if abi:
            assert any(layer.startswith("landlock") for layer in layers)
        if os.geteuid() == 0:
            assert "uid-drop" in layers


# -- the watchdog and crashes -------------------------------------------------------------

HANG = game(
    """
    WIDTH, HEIGHT = 16, 16
    n = 0
    def update(dt):
        global n
        n += 1
        if n > 5:
            while True:
                pass
    def draw(screen):
        screen.fill((9, 9, 9))
    """
)


def test_endless_loop_in_update_is_stopped_and_the_next_game_loads(host: GameHost, watch: Watcher) -> None:
    load(host, watch, HANG)
    hung_pid = host.runner_pid
    stopped = watch.event(RunnerStopped)
    assert stopped.reason == "hang"
    assert "stopped" in stopped.detail
    assert wait_dead(hung_pid)
    last = host.latest_frame()
    load(host, watch, COUNTER)
    frame = watch.frame(lambda f: counter_of(f) >= 2, after=last.number if last else -1)
    assert pixel(frame)[2] == 77


def test_killed_runner_is_reported_as_crashed_and_the_host_keeps_working(host: GameHost, watch: Watcher) -> None:
    load(host, watch, COUNTER)
    before = watch.frame(lambda f: counter_of(f) >= 2)
    os.kill(host.runner_pid, signal.SIGKILL)
    stopped = watch.event(RunnerStopped)
    assert stopped.reason == "crashed"
    assert stopped.returncode == -signal.SIGKILL
    assert "killed" in stopped.detail
    # Input and controls to a dead runner are harmless.
    host.send_key(True, pygame.K_LEFT)
    host.pause()
    load(host, watch, KEYS)
    after = watch.frame(lambda f: pixel(f) == (0, 0, 255), after=before.number)
    host.send_key(True, pygame.K_RIGHT)
    watch.frame(lambda f: pixel(f) == (0, 255, 0), after=after.number)


def test_close_leaves_no_runner_process(runner_settings: RunnerSettings) -> None:
    host = GameHost(runner_settings)
    host.start()
    watch = Watcher(host)
    load(host, watch, COUNTER)
    watch.frame()
    assert host.wait_warm(20)  # the next spare starts once the game shows its first frame
    pids = runner_pids(os.getpid())
    assert host.runner_pid in pids and len(pids) >= 2  # the playing runner and a warm spare
    host.close()
    host.close()  # idempotent
    for pid in pids:
        assert wait_dead(pid, timeout_s=5), f"runner {pid} outlived close()"
    assert host.latest_frame() is None
    host.send_key(True, pygame.K_SPACE)  # harmless after close


def test_close_releases_descriptors_and_frame_memory(runner_settings: RunnerSettings) -> None:
    def frame_mappings() -> int:
        return Path("/proc/self/maps").read_text().count("minigame-frames")

    fds_before = set(os.listdir("/proc/self/fd"))
    mappings_before = frame_mappings()
    host = GameHost(runner_settings)
    watch = Watcher(host)
    for source in (COUNTER, KEYS, CLASSIC, COUNTER):
        host.load_new(source)
        watch.event(Loaded)
        watch.frame()
    host.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        gc.collect()
        leaked_fds = set(os.listdir("/proc/self/fd")) - fds_before
        if not leaked_fds and frame_mappings() <= mappings_before:
            break
        time.sleep(0.05)
    assert set(os.listdir("/proc/self/fd")) - fds_before == set()
    assert frame_mappings() <= mappings_before


# -- signals to the command line ----------------------------------------------------------

FOREVER = game(
    """
    \"\"\"Runs until stopped.\"\"\"
    import pygame
    WIDTH, HEIGHT = 64, 48
    n = 0
    def update(dt):
        global n
        n += 1
    def draw(screen):
        screen.fill((n % 256, 40, 90))
        pygame.draw.circle(screen, (255, 255, 255), (n % 64, 24), 5)
    """
)


def _studio_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return env


@pytest.mark.parametrize("command", ["check", "play"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_studio_stops_cleanly_on_a_signal(command: str, signum: int, tmp_path: Path) -> None:
    game_file = tmp_path / "forever.py"
    game_file.write_text(FOREVER)
    argv = [sys.executable, "-m", "studio", command, str(game_file)]
    if command == "check":
        argv += ["--frames", "100000000", "--timeout", "600"]
    shm_before = shm_names()
    proc = subprocess.Popen(
        argv, cwd=tmp_path, env=_studio_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        seen: set[int] = set()
        deadline = time.monotonic() + 30
        settle_until: float | None = None
        # Record the runners while they run; let them warm up and start the game.
        while time.monotonic() < deadline and proc.poll() is None:
            seen |= runner_pids(proc.pid)
            if seen and settle_until is None:
                settle_until = time.monotonic() + 2.0
            if settle_until is not None and time.monotonic() > settle_until:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()
        assert seen, "no sandbox.runner child appeared"
        seen |= runner_pids(proc.pid)
        os.kill(proc.pid, signum)
        try:
            out, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"studio {command} ignored {signal.Signals(signum).name}: {err.decode()[-2000:]}")
        assert b"Traceback" not in err, err.decode()[-2000:]
        if command == "check":
            assert proc.returncode == 130
        for pid in seen:
            assert wait_dead(pid, timeout_s=5), f"runner {pid} survived studio {command}"
        assert not runner_pids(proc.pid)
        assert shm_names() - shm_before == set()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()



# -- a new game takes over only when it is ready -----------------------------------------


def test_a_new_game_that_fails_leaves_the_old_one_playing(host: GameHost, watch: Watcher) -> None:
    load(host, watch, COUNTER)
    first = watch.frame(lambda f: counter_of(f) > 3)
    old_pid = host.runner_pid
    host.load_new("import socket\n")
    refusal = watch.event(Refused)
    assert "socket" in refusal.message
    later = watch.frame(lambda f: counter_of(f) > counter_of(first) + 5, after=first.number)
    assert host.runner_pid == old_pid and later.number > first.number
    host.load_new("def update(dt):\n    raise ValueError('early')\ndef draw(screen):\n    pass\n")
    failure = watch.event(GameError)
    assert failure.phase in ("load", "start")
    assert host.runner_pid == old_pid
    watch.frame(lambda f: counter_of(f) > counter_of(later), after=later.number)


def test_a_new_game_takes_over_at_its_first_frame(host: GameHost, watch: Watcher) -> None:
    load(host, watch, COUNTER)
    old = watch.frame(lambda f: counter_of(f) > 3)
    old_pid = host.runner_pid
    host.load_new(COUNTER.replace("77))", "200))"))
    taken_over = watch.frame(lambda f: pixel(f)[2] == 200, after=old.number)
    assert host.runner_pid != old_pid
    assert taken_over.number > old.number  # frame numbers keep growing across runners
    assert wait_dead(old_pid)
