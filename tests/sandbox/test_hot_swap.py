"""Hot swap and restart in a real runner (DESIGN section 3).

The games draw their state into their pixels (a counter in red/green, an UPPER_CASE
marker in blue) or print it, so each test reads the state the game really has.
"""

from __future__ import annotations

import time

import pytest

from sandbox.host import GameHost, RunnerStopped
from sandbox.protocol import GameError, Loaded, Refused
from tests.sandbox.fixtures.hosting import Watcher, game, pixel

pytestmark = pytest.mark.usefixtures("no_leaks")


def counter_of(frame) -> int:  # noqa: ANN001
    r, g, _b = pixel(frame)
    return r + 256 * g


def mark_of(frame) -> int:  # noqa: ANN001
    return pixel(frame)[2]


COUNTER_V1 = game(
    """
    \"\"\"Counter.\"\"\"
    import pygame
    WIDTH, HEIGHT = 16, 16
    MARK = 10
    n = 0
    def shade():
        return 20
    def update(dt):
        global n
        n += 1
    def draw(screen):
        screen.fill((n % 256, n // 256 % 256, MARK))
        screen.fill((shade(), 0, 0), (8, 8, 8, 8))
    """
)

COUNTER_V2 = COUNTER_V1.replace("MARK = 10", "MARK = 200").replace("return 20", "return 120")


def start(host: GameHost, watch: Watcher, source: str = COUNTER_V1, min_count: int = 20):  # noqa: ANN201
    host.load_new(source)
    loaded = watch.event((Loaded, Refused, GameError, RunnerStopped))
    assert isinstance(loaded, Loaded), loaded
    return watch.frame(lambda f: counter_of(f) >= min_count)


def swap(host: GameHost, watch: Watcher, source: str) -> object:
    watch.clear()
    host.hot_swap(source)
    return watch.event((Loaded, Refused, GameError, RunnerStopped))


def assert_old_version_keeps_running(watch: Watcher, since) -> None:  # noqa: ANN001
    """Frames keep coming, the counter keeps growing, and they show the old MARK."""
    later = watch.frame(lambda f: counter_of(f) >= counter_of(since) + 20, after=since.number)
    assert mark_of(later) == 10
    assert pixel(later, 10, 10) == (20, 0, 0)
    latest = watch.frame(after=later.number)
    assert mark_of(latest) == 10 and counter_of(latest) >= counter_of(later)
    assert not watch.of(RunnerStopped)


# -- what a hot swap keeps and what it takes from the new code ------------------------------


def test_counter_keeps_counting_constant_and_function_take_new_code(host: GameHost, watch: Watcher) -> None:
    before = start(host, watch, min_count=30)
    pid = host.runner_pid
    loaded = swap(host, watch, COUNTER_V2)
    assert isinstance(loaded, Loaded), loaded
    assert loaded.carried.split(",") == ["n"]
    assert host.runner_pid == pid  # same process: a swap, not a restart
    after = watch.frame(lambda f: mark_of(f) == 200, after=before.number)
    assert counter_of(after) >= counter_of(before)  # not reset to 0
    assert pixel(after, 10, 10) == (120, 0, 0)  # the new shade() is called
    later = watch.frame(lambda f: counter_of(f) > counter_of(after), after=after.number)
    assert mark_of(later) == 200


def test_swap_while_paused_carries_the_exact_counter(host: GameHost, watch: Watcher) -> None:
    start(host, watch, min_count=5)
    host.pause()
    time.sleep(0.2)
    frame = host.latest_frame()
    for _ in range(100):  # wait until the pause has taken effect
        time.sleep(0.05)
        newer = host.latest_frame(frame.number)
        if newer is None:
            break
        frame = newer
    count = counter_of(frame)
    loaded = swap(host, watch, COUNTER_V2)
    assert isinstance(loaded, Loaded), loaded
    time.sleep(0.2)
    assert host.latest_frame(frame.number) is None, "a hot swap unpaused the game"
    host.step()
    stepped = watch.frame(after=frame.number)
    assert stepped.number == frame.number + 1
    assert counter_of(stepped) == count + 1
    assert mark_of(stepped) == 200


def test_state_whose_type_changed_is_reset(host: GameHost, watch: Watcher) -> None:
    v1 = game(
        """
        WIDTH, HEIGHT = 16, 16
        level = 0
        lives = [0]
        def update(dt):
            global level
            level += 1
            lives[0] += 1
        def draw(screen):
            screen.fill((level % 256, min(lives[0], 255), 1))
        """
    )
    v2 = game(
        """
        WIDTH, HEIGHT = 16, 16
        level = [7]
        lives = [0]
        def update(dt):
            lives[0] += 1
        def draw(screen):
            screen.fill((level[0], min(lives[0], 255), 2))
        """
    )
    host.load_new(v1)
    watch.event(Loaded)
    before = watch.frame(lambda f: pixel(f)[1] >= 20)
    loaded = swap(host, watch, v2)
    assert isinstance(loaded, Loaded), loaded
    assert "lives" in loaded.carried.split(",")
    assert "level" not in loaded.carried.split(",")
    after = watch.frame(lambda f: pixel(f)[2] == 2, after=before.number)
    assert pixel(after)[0] == 7  # level took v2's initial value
    assert pixel(after)[1] >= pixel(before)[1]  # lives (same type) was carried


CLASS_V1 = game(
    """
    WIDTH, HEIGHT = 16, 16
    class Ball:
        def __init__(self):
            self.x = 0
        def move(self):
            self.x += 1
        def tint(self):
            return 50
    ball = Ball()
    balls = {"first": [Ball()]}
    def update(dt):
        ball.move()
        balls["first"][0].move()
    def draw(screen):
        screen.fill((ball.x % 256, ball.x // 256 % 256, 0))
        screen.fill((ball.tint(), balls["first"][0].tint(), 0), (8, 8, 8, 8))
    """
)

CLASS_V2 = game(
    """
    WIDTH, HEIGHT = 16, 16
    class Ball:
        def __init__(self):
            self.x = 0
        def move(self):
            self.x += 1
        def tint(self):
            return 150
        def glow(self):
            return 151
    ball = Ball()
    balls = {"first": [Ball()]}
    def update(dt):
        ball.move()
        balls["first"][0].move()
    def draw(screen):
        screen.fill((ball.x % 256, ball.x // 256 % 256, 0))
        screen.fill((ball.tint(), balls["first"][0].glow(), 0), (8, 8, 8, 8))
    """
)


def test_instances_move_to_the_redefined_class(host: GameHost, watch: Watcher) -> None:
    host.load_new(CLASS_V1)
    watch.event(Loaded)
    before = watch.frame(lambda f: counter_of(f) >= 20 and pixel(f, 10, 10) == (50, 50, 0))
    loaded = swap(host, watch, CLASS_V2)
    assert isinstance(loaded, Loaded), loaded
    assert set(loaded.carried.split(",")) == {"ball", "balls"}
    after = watch.frame(lambda f: pixel(f, 10, 10) != (50, 50, 0), after=before.number)
    # The new methods are used (glow() did not exist before) and x was kept.
    assert pixel(after, 10, 10) == (150, 151, 0)
    assert counter_of(after) >= counter_of(before)
    later = watch.frame(lambda f: counter_of(f) > counter_of(after), after=after.number)
    assert pixel(later, 10, 10) == (150, 151, 0)
    assert not watch.of(GameError)


# -- a broken new version leaves the old one running ----------------------------------------


def test_new_version_that_does_not_compile_is_refused_and_old_keeps_running(host: GameHost, watch: Watcher) -> None:
    before = start(host, watch)
    broken = COUNTER_V2.replace("def update(dt):", "def update(dt) oops:")
    line = broken.splitlines().index("def update(dt) oops:") + 1
    refused = swap(host, watch, broken)
    assert isinstance(refused, Refused), refused
    assert refused.line == line
    assert_old_version_keeps_running(watch, before)


def test_new_version_refused_by_policy_reports_its_line(host: GameHost, watch: Watcher) -> None:
    before = start(host, watch)
    broken = COUNTER_V2.replace("    n += 1", "    n += ().__class__.__name__.count('t')")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "__class__" in text)
    refused = swap(host, watch, broken)
    assert isinstance(refused, Refused), refused
    assert refused.line == line
    assert_old_version_keeps_running(watch, before)


def test_new_version_raising_while_loading_keeps_the_old_one(host: GameHost, watch: Watcher) -> None:
    before = start(host, watch)
    broken = COUNTER_V2.replace("n = 0", "n = 0\nboom = {}['missing']")
    line = broken.splitlines().index("boom = {}['missing']") + 1
    error = swap(host, watch, broken)
    assert isinstance(error, GameError), error
    assert (error.phase, error.kept_previous, error.line) == ("load", True, line)
    assert "KeyError" in error.message
    assert_old_version_keeps_running(watch, before)


def test_new_version_raising_in_its_first_frames_falls_back(host: GameHost, watch: Watcher) -> None:
    before = start(host, watch)
    # `m` is new in this version (nothing to carry), so it crashes on its third frame.
    broken = COUNTER_V2.replace("n = 0", "n = 0\nm = 0").replace(
        "    n += 1",
        "    n += 1\n    m += 1\n    if m == 3:\n        raise RuntimeError('broken in an early frame')",
    ).replace("global n", "global n, m")
    line = broken.splitlines().index("        raise RuntimeError('broken in an early frame')") + 1
    loaded = swap(host, watch, broken)
    assert isinstance(loaded, Loaded), loaded
    error = watch.event(GameError)
    assert (error.phase, error.kept_previous, error.line) == ("start", True, line)
    assert "broken in an early frame" in error.message
    assert_old_version_keeps_running(watch, watch.frame(lambda f: mark_of(f) == 10, after=before.number))


def test_fallback_puts_moved_instances_back_in_their_old_class(host: GameHost, watch: Watcher) -> None:
    host.load_new(CLASS_V1)
    watch.event(Loaded)
    before = watch.frame(lambda f: counter_of(f) >= 10)
    broken = CLASS_V2.replace("ball = Ball()", "m = 0\nball = Ball()").replace(
        "    ball.move()",
        "    global m\n    ball.move()\n    m += 1\n    if m == 3:\n        raise ValueError('no')",
    )
    loaded = swap(host, watch, broken)
    assert isinstance(loaded, Loaded), loaded
    error = watch.event(GameError)
    assert (error.phase, error.kept_previous) == ("start", True)
    # The old version draws again, with the old class's methods (tint 50, no glow()).
    after = watch.frame(lambda f: pixel(f, 10, 10) == (50, 50, 0), after=before.number)
    later = watch.frame(lambda f: counter_of(f) >= counter_of(after) + 10, after=after.number)
    assert pixel(later, 10, 10) == (50, 50, 0)
    assert not [e for e in watch.of(GameError) if e.phase == "running"]


# -- restart ----------------------------------------------------------------------------

TICKS = game(
    """
    WIDTH, HEIGHT = 16, 16
    MARK = 10
    n = 0
    def update(dt):
        global n
        n += 1
        if n % 20 == 0:
            print("tick", n)
    def draw(screen):
        screen.fill((n % 256, n // 256 % 256, MARK))
    """
)


def test_restart_executes_fresh(host: GameHost, watch: Watcher) -> None:
    host.load_new(TICKS)
    watch.event(Loaded)
    watch.wait_output("tick 60\n")
    loaded = swap(host, watch, TICKS.replace("MARK = 10", "MARK = 200"))
    assert isinstance(loaded, Loaded) and loaded.carried == "n"
    watch.wait_output("tick")
    last = host.latest_frame()
    watch.clear()
    host.restart()
    loaded = watch.event(Loaded)
    assert loaded.carried == ""
    text = watch.wait_output("tick 20\n")
    assert text.startswith("tick 20\n")  # counted from zero again
    frame = watch.frame(lambda f: mark_of(f) == 200, after=last.number)  # the swapped-in code
    assert frame.number > last.number


def test_restart_after_a_refused_swap_restarts_the_running_version(host: GameHost, watch: Watcher) -> None:
    before = start(host, watch)
    refused = swap(host, watch, "def update(dt) oops:\n    pass\n")
    assert isinstance(refused, Refused)
    watch.clear()
    host.restart()
    loaded = watch.event((Loaded, Refused, GameError), timeout_s=10)
    assert isinstance(loaded, Loaded), loaded
    assert mark_of(watch.frame(after=before.number)) == 10


CLASSIC = game(
    """
    import pygame
    screen = pygame.display.set_mode((20, 20))
    clock = pygame.time.Clock()
    n = 0
    while True:
        for event in pygame.event.get():
            pass
        n += 1
        if n == 1:
            print("frame", n)
        screen.fill((n % 256, n // 256 % 256, 10))
        pygame.display.flip()
        clock.tick(60)
    """
)


def test_classic_script_reloads_by_restart(host: GameHost, watch: Watcher) -> None:
    host.load_new(CLASSIC)
    loaded = watch.event(Loaded)
    assert loaded.shape == "classic"
    before = watch.frame(lambda f: counter_of(f) >= 30)
    old_pid = host.runner_pid
    loaded = swap(host, watch, CLASSIC.replace("10))", "200))"))
    assert isinstance(loaded, Loaded), loaded
    assert (loaded.shape, loaded.carried) == ("classic", "")
    assert host.runner_pid != old_pid
    watch.frame(lambda f: mark_of(f) == 200, after=before.number)
    watch.wait_output("frame 1\n")  # its own loop started again, from the top
    assert not watch.of(GameError)
