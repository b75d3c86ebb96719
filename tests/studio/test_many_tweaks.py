"""200 tweaks in a row through the whole path (model reply → edit blocks → hot swap) leak nothing."""

from __future__ import annotations

import os
import time

from sandbox.host import GameHost
from sandbox.protocol import Loaded
from sandbox.runner_process import RunnerSettings
from studio.llm.client import ModelClient
from studio.llm.endpoint import Endpoint
from studio.pipeline.sources import ModelSource
from studio.pipeline.tweak import tweak_code
from tests.fake_openai import FakeOpenAI, Reply
from tests.sandbox.fixtures.hosting import WAIT_S, Watcher, game, pixel, runner_pids, shm_names

TWEAKS = 200
FD_SLACK = 4

COUNTER = game(
    """
    \"\"\"Counter.\"\"\"
    import pygame
    WIDTH, HEIGHT = 16, 16
    MARK = 0
    n = 0
    def update(dt):
        global n
        n += 1
    def draw(screen):
        screen.fill((n % 256, n // 256 % 256, MARK))
    """
)


def edit(old_mark: int, new_mark: int) -> str:
    return f"<<<<<<< SEARCH\nMARK = {old_mark}\n=======\nMARK = {new_mark}\n>>>>>>> REPLACE\n"


def test_two_hundred_tweaks_leak_no_process_segment_or_descriptor(
    runner_settings: RunnerSettings, no_leaks: None
) -> None:
    shm_before = shm_names()
    with FakeOpenAI(tokens_per_s=float("inf")) as server, GameHost(runner_settings) as host:
        source = ModelSource(ModelClient(Endpoint(server.base_url, "fake-coder-1", server.api_key, "custom")), "fake-coder-1")
        watch = Watcher(host)
        host.load_new(COUNTER)
        watch.event(Loaded)
        watch.frame()
        code = COUNTER
        fds_before: set[int] | None = None
        for index in range(TWEAKS):
            mark = index % 2
            server.script(Reply(text=edit(mark, 1 - mark)))
            tweaked = tweak_code(code, "flip the mark", source)
            assert tweaked.code is not None and not tweaked.rewrote, tweaked.problem
            code = tweaked.code
            host.hot_swap(code)
            loaded = watch.event(Loaded)
            assert "n" in loaded.carried.split(",")  # the counter's state survived
            watch.frame(lambda f, want=1 - mark: pixel(f)[2] == want)
            if index == 9:  # the client's pool and the spare runner are up by now
                assert host.wait_warm(WAIT_S)
                fds_before = {int(name) for name in os.listdir("/proc/self/fd")}
        fds_after = {int(name) for name in os.listdir("/proc/self/fd")}
        assert fds_before is not None and len(fds_after - fds_before) <= FD_SLACK
        assert len(runner_pids(os.getpid())) <= 2  # the playing runner and its spare
        assert server.connections_opened == 1  # every tweak travelled on one connection
        source.client.close()
    deadline = time.monotonic() + WAIT_S
    while runner_pids(os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert shm_names() - shm_before == set()
