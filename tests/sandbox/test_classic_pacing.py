"""Classic scripts that wait in their own loops run under `studio check` as they would in pygame.

An unpaced check has no real time and no player: a script that polls for a key or for
the clock without showing a frame must still see time pass and keys arrive, and the
watchdog must hear from it. Inside update() a loop that never ends is still stopped.
"""

from __future__ import annotations

import dataclasses

import pytest

from sandbox.check import check_source
from sandbox.runner_process import RunnerSettings

TITLE = """
import pygame
pygame.init()
screen = pygame.display.set_mode((320, 240))
clock = pygame.time.Clock()
screen.fill((0, 0, 60))
pygame.display.flip()
"""

PLAY = """
x = 0
while True:
    for event in pygame.event.get():
        pass
    x = (x + 2) % 320
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, (255, 0, 0), (x, 120), 10)
    pygame.display.flip()
    clock.tick(60)
"""

WAITS = {
    # "Press any key" with a 15 fps clock and nothing drawn: it waited forever for a key.
    "key_wait_with_tick": """
waiting = True
while waiting:
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            waiting = False
    clock.tick(15)
""",
    # The same without a clock: the watchdog heard nothing and stopped it.
    "key_wait_busy": """
waiting = True
while waiting:
    for event in pygame.event.get():
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            waiting = False
""",
    # A timer event the script waits for: timers fired only at frames.
    "timer_wait": """
READY = pygame.USEREVENT + 1
pygame.time.set_timer(READY, 500, 1)
waiting = True
while waiting:
    for event in pygame.event.get():
        if event.type == READY:
            waiting = False
""",
    # Waiting on the millisecond clock: in a check it stood still.
    "ticks_wait": """
until = pygame.time.get_ticks() + 2000
while pygame.time.get_ticks() < until:
    pass
""",
    # poll() until the queue is empty, then peek until a key comes.
    "poll_and_peek_wait": """
while pygame.event.poll().type != pygame.NOEVENT:
    pass
while not pygame.event.peek(pygame.KEYDOWN):
    pass
""",
}


@pytest.fixture
def settings(runner_settings: RunnerSettings) -> RunnerSettings:
    return dataclasses.replace(runner_settings, hang_timeout_s=1.5)


@pytest.mark.parametrize("wait", sorted(WAITS))
def test_a_script_waiting_between_frames_goes_on(wait: str, settings: RunnerSettings, no_leaks: None) -> None:
    source = TITLE + WAITS[wait] + PLAY
    result = check_source(source, f"{wait}.py", frames=60, settings=settings, timeout_s=20)
    assert result.status == "ok", result.message
    assert result.frames == 60


def test_an_endless_event_loop_inside_update_is_still_stopped(settings: RunnerSettings, no_leaks: None) -> None:
    source = """
import pygame

def update(dt):
    while True:
        pygame.event.get()
        pygame.time.get_ticks()

def draw(screen):
    screen.fill((0, 0, 0))
"""
    result = check_source(source, "stuck.py", frames=60, settings=settings, timeout_s=20)
    assert result.status in ("timeout", "killed"), result.message
