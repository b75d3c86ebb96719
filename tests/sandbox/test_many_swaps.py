"""Many tweaks in a row leak nothing: 200 hot swaps into one runner, 20 new games one after another.

A live studio swaps code into the running game every time the user tweaks it, for as
long as the window is open; a leak per swap (a process, a /dev/shm segment, a file
descriptor in the studio's own process) would add up. The counter game draws its state
into its pixels, so the test also sees that the state survived every swap.
"""

from __future__ import annotations

import gc
import os
import time

from sandbox.host import GameHost, RunnerStopped
from sandbox.protocol import FrameShown, GameError, Loaded, Refused
from sandbox.runner_process import RunnerSettings
from tests.sandbox.fixtures.hosting import WAIT_S, Watcher, game, pixel, runner_pids, shm_names

SWAPS = 200
NEW_GAMES = 20
FD_SLACK = 4  # descriptors the test process may open meanwhile for its own reasons (logging, pipes)

COUNTER_V1 = game(
    """
    \"\"\"Counter.\"\"\"
    import pygame
    WIDTH, HEIGHT = 16, 16
    MARK = 10
    n = 0
    def update(dt):
        global n
        n += 1
    def draw(screen):
        screen.fill((n % 256, n // 256 % 256, MARK))
    """
)
COUNTER_V2 = COUNTER_V1.replace("MARK = 10", "MARK = 200")
MARKS = {COUNTER_V1: 10, COUNTER_V2: 200}


def counter_of(frame) -> int:  # noqa: ANN001
    r, g, _b = pixel(frame)
    return r + 256 * g


def mark_of(frame) -> int:  # noqa: ANN001
    return pixel(frame)[2]


def open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")}


def settle(host: GameHost, expected_runners: int) -> set[int]:
    """Wait until exactly `expected_runners` runners are alive (retired ones are reaped by the
    host's watchdog) and the spare is warm; returns their pids."""
    assert host.wait_warm(WAIT_S)
    deadline = time.monotonic() + WAIT_S
    while len(pids := runner_pids(os.getpid())) != expected_runners:
        assert time.monotonic() < deadline, f"runners alive: {pids}, expected {expected_runners}"
        time.sleep(0.01)
    return pids


def assert_released(fds_before: set[int], shm_before: set[str]) -> None:
    deadline = time.monotonic() + WAIT_S
    while runner_pids(os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert runner_pids(os.getpid()) == set()
    assert shm_names() - shm_before == set()
    # A closed runner's frame mapping keeps its memfd until the handle is collected.
    while len(grown := open_fds() - fds_before) > FD_SLACK and time.monotonic() < deadline:
        gc.collect()
        time.sleep(0.02)
    assert len(grown) <= FD_SLACK, f"descriptors left open: {_describe(grown)}"


def _describe(fds: set[int]) -> list[str]:
    described = []
    for fd in sorted(fds):
        try:
            described.append(f"{fd} -> {os.readlink(f'/proc/self/fd/{fd}')}")
        except OSError:
            described.append(f"{fd} (gone)")
    return described


def test_200_hot_swaps_leak_nothing_and_the_counter_keeps_counting(runner_settings: RunnerSettings) -> None:
    fds_before, shm_before = open_fds(), shm_names()
    with GameHost(runner_settings) as host:
        watch = Watcher(host)
        host.start()
        host.load_new(COUNTER_V1)
        assert isinstance(watch.event((Loaded, Refused, GameError, RunnerStopped)), Loaded)
        frame = watch.frame(lambda f: counter_of(f) >= 5)
        runners = settle(host, 2)  # the playing runner and a warm spare
        playing = host.runner_pid
        fds_playing, shm_playing = open_fds(), shm_names()

        last_count = counter_of(frame)
        for number in range(SWAPS):
            source = COUNTER_V2 if number % 2 == 0 else COUNTER_V1
            watch.clear()
            host.hot_swap(source)
            loaded = watch.event((Loaded, Refused, GameError, RunnerStopped))
            assert isinstance(loaded, Loaded), f"swap {number}: {loaded}"
            frame = watch.frame(lambda f, s=source: mark_of(f) == MARKS[s], after=frame.number)
            count = counter_of(frame)
            # The counter wraps at 65536 frames; 200 swaps take far fewer.
            assert count >= last_count, f"swap {number}: the counter went back from {last_count} to {count}"
            last_count = count

        assert host.runner_pid == playing  # every swap went into the same process
        assert runner_pids(os.getpid()) == runners  # no extra runner was started
        assert not watch.of(RunnerStopped)
        assert last_count >= SWAPS  # at least a frame per swap, all counted by one game
        later = watch.frame(lambda f: counter_of(f) > last_count, after=frame.number)
        assert mark_of(later) == MARKS[COUNTER_V1]  # the last swap (an odd number) was V1
        assert shm_names() == shm_playing
        grown = open_fds() - fds_playing
        assert len(grown) <= FD_SLACK, f"descriptors opened by the swaps: {_describe(grown)}"
    assert_released(fds_before, shm_before)


def test_20_new_games_leave_one_playing_runner_and_one_spare(runner_settings: RunnerSettings) -> None:
    fds_before, shm_before = open_fds(), shm_names()
    with GameHost(runner_settings) as host:
        watch = Watcher(host)
        host.start()
        seen_pids: set[int] = set()
        fds_settled: set[int] = set()
        shm_settled: set[str] = set()
        for number in range(NEW_GAMES):
            source = COUNTER_V1 if number % 2 == 0 else COUNTER_V2
            watch.clear()
            host.load_new(source)
            shown = watch.event((FrameShown, Refused, GameError, RunnerStopped), where=lambda e: not (
                isinstance(e, RunnerStopped) and e.reason == "closed"  # the game it replaced
            ))
            assert isinstance(shown, FrameShown), f"game {number}: {shown}"
            frame = watch.frame(lambda f, s=source: mark_of(f) == MARKS[s])
            assert counter_of(frame) < 1000  # a new game counts from zero
            pid = host.runner_pid
            assert pid is not None and pid not in seen_pids  # each new game in a fresh runner
            seen_pids.add(pid)
            if number == 0:  # the first game and its spare: what every later game should cost
                settle(host, 2)
                fds_settled, shm_settled = open_fds(), shm_names()

        runners = settle(host, 2)
        assert host.runner_pid in runners
        assert len(runners - {host.runner_pid}) == 1  # the warm spare
        assert runners - {host.runner_pid} <= runners - seen_pids
        # Two runners' worth of segments and descriptors, as after the first game; not twenty.
        assert len(shm_names() - shm_before) == len(shm_settled - shm_before)
        assert len(open_fds()) <= len(fds_settled) + FD_SLACK, _describe(open_fds() - fds_settled)
    assert_released(fds_before, shm_before)
