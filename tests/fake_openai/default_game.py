"""The replies used when a test has not scripted one: a tiny pygame game, a spoken tweak."""

from __future__ import annotations

DEFAULT_GAME_CODE = '''"""Bounce. Left/Right move the paddle, R restarts."""
import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
PADDLE_SPEED = 420
BALL_SPEED = 260

state = {"paddle": WIDTH / 2, "x": WIDTH / 2, "y": HEIGHT / 3, "dx": 1.0, "dy": 1.0, "score": 0}


def restart():
    state.update(paddle=WIDTH / 2, x=WIDTH / 2, y=HEIGHT / 3, dx=1.0, dy=1.0, score=0)


def update(dt):
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT]:
        state["paddle"] = max(50, state["paddle"] - PADDLE_SPEED * dt)
    if keys[pygame.K_RIGHT]:
        state["paddle"] = min(WIDTH - 50, state["paddle"] + PADDLE_SPEED * dt)
    state["x"] += state["dx"] * BALL_SPEED * dt
    state["y"] += state["dy"] * BALL_SPEED * dt
    if state["x"] < 8 or state["x"] > WIDTH - 8:
        state["dx"] = -state["dx"]
    if state["y"] < 8:
        state["dy"] = abs(state["dy"])
    if state["y"] > HEIGHT - 28 and abs(state["x"] - state["paddle"]) < 50:
        state["dy"] = -abs(state["dy"])
        state["score"] += 1
    if state["y"] > HEIGHT:
        restart()


def draw(screen):
    screen.fill((20, 24, 40))
    pygame.draw.rect(screen, (240, 200, 80), (state["paddle"] - 50, HEIGHT - 20, 100, 12))
    pygame.draw.circle(screen, (120, 220, 255), (int(state["x"]), int(state["y"])), 8)
    font = pygame.font.Font(None, 28)
    screen.blit(font.render(f"Score {state['score']}   arrows move, R restarts", True, (230, 230, 230)), (10, 10))


def on_key_down(key):
    if key == pygame.K_r:
        restart()
'''

DEFAULT_REPLY_TEXT = "```python\n" + DEFAULT_GAME_CODE + "```\n"

DEFAULT_TRANSCRIPT = "make the snake blue"  # what an unscripted transcription hears
