"""Numpy Fire
A classic demo-scene fire drawn with numpy arrays and pygame.surfarray. Space throws a
spark burst, the mouse position fans the flames, Up/Down change the heat.
"""
import numpy as np
import pygame
import pygame.surfarray

FIRE_W, FIRE_H = 320, 200
WIDTH, HEIGHT = FIRE_W * 2, FIRE_H * 2
FPS = 30

rng = np.random.default_rng(7)
heat = np.zeros((FIRE_W, FIRE_H + 2), dtype=np.float32)
strength = 0.9
wind = 0


def make_palette():
    """256 colours from black through red and yellow to white, as a (256, 3) uint8 array."""
    levels = np.linspace(0.0, 1.0, 256)
    red = np.clip(levels * 3.0, 0, 1)
    green = np.clip(levels * 3.0 - 1.0, 0, 1)
    blue = np.clip(levels * 3.0 - 2.0, 0, 1)
    return (np.stack([red, green, blue], axis=1) * 255).astype(np.uint8)


palette = make_palette()
flame_surface = pygame.Surface((FIRE_W, FIRE_H))


def on_key_down(key):
    global strength
    if key == pygame.K_UP:
        strength = min(1.0, strength + 0.05)
    elif key == pygame.K_DOWN:
        strength = max(0.5, strength - 0.05)
    elif key == pygame.K_SPACE:
        xs = rng.integers(0, FIRE_W, 40)
        ys = rng.integers(FIRE_H // 2, FIRE_H, 40)
        heat[xs, ys] = 255.0


def on_mouse_move(pos):
    global wind
    wind = int(np.sign(pos[0] - WIDTH // 2))


def update(dt):
    global heat
    heat[:, -2:] = rng.random((FIRE_W, 2)) * 255.0 * strength
    below = np.roll(heat, -1, axis=1)
    spread = (below + np.roll(below, 1, axis=0) + np.roll(below, -1, axis=0) + np.roll(heat, -2, axis=1)) / 4.0
    heat = np.clip(spread - 1.2, 0.0, 255.0)
    if wind:
        heat = np.roll(heat, wind, axis=0)


def draw(screen):
    pixels = palette[heat[:, :FIRE_H].astype(np.uint8)]
    pygame.surfarray.blit_array(flame_surface, pixels)
    screen.blit(pygame.transform.scale(flame_surface, screen.get_size()), (0, 0))
    # Brighten a corner through a live pixel view, then read the screen back as an array.
    view = pygame.surfarray.pixels3d(screen)
    view[:8, :8] = 255
    del view
    if int(pygame.surfarray.array3d(screen)[0, 0, 0]) != 255:
        raise RuntimeError("pixels3d did not write to the screen")
    glow = pygame.surfarray.make_surface(pixels[::8, ::8])
    screen.blit(glow, (4, 4))
