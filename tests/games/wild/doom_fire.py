"""Doom Fire
The classic PSX Doom fire effect computed with NumPy and blitted with pygame.surfarray.blit_array.
Left/Right change the wind, Space toggles the fire source. The demo ends by itself after 20 seconds.
"""
import sys

import numpy as np
import pygame

FIRE_W, FIRE_H = 200, 120
SCALE = 4
DEMO_SECONDS = 20

PALETTE = np.array([
    (7, 7, 7), (31, 7, 7), (47, 15, 7), (71, 15, 7), (87, 23, 7), (103, 31, 7), (119, 31, 7),
    (143, 39, 7), (159, 47, 7), (175, 63, 7), (191, 71, 7), (199, 71, 7), (223, 79, 7),
    (223, 87, 7), (223, 87, 7), (215, 95, 7), (215, 103, 15), (207, 111, 15), (207, 119, 15),
    (207, 127, 15), (207, 135, 23), (199, 135, 23), (199, 143, 23), (199, 151, 31),
    (191, 159, 31), (191, 159, 31), (191, 167, 39), (191, 167, 39), (191, 175, 47),
    (183, 175, 47), (183, 183, 47), (183, 183, 55), (207, 207, 111), (223, 223, 159),
    (239, 239, 199), (255, 255, 255),
], dtype=np.uint8)
MAX_HEAT = len(PALETTE) - 1


def spread(fire, wind):
    h, w = fire.shape
    decay = np.random.randint(0, 3, size=(h - 1, w))
    shift = np.random.randint(0, 3, size=(h - 1, w)) - 1 + wind
    below = fire[1:, :]
    cols = (np.arange(w)[None, :] - shift) % w
    rows = np.arange(h - 1)[:, None]
    new = np.maximum(below - decay, 0)
    out = fire.copy()
    out[rows, cols] = new
    return out


def main():
    pygame.init()
    screen = pygame.display.set_mode((FIRE_W * SCALE, FIRE_H * SCALE))
    pygame.display.set_caption("Doom Fire")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont(None, 24)
    buffer = pygame.Surface((FIRE_W, FIRE_H))

    fire = np.zeros((FIRE_H, FIRE_W), dtype=np.int32)
    fire[-1, :] = MAX_HEAT
    wind = 0
    burning = True
    start = pygame.time.get_ticks()

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_LEFT:
                    wind = max(-1, wind - 1)
                elif event.key == pygame.K_RIGHT:
                    wind = min(1, wind + 1)
                elif event.key == pygame.K_SPACE:
                    burning = not burning
                    fire[-1, :] = MAX_HEAT if burning else 0

        fire = spread(fire, wind)
        pixels = PALETTE[fire].transpose(1, 0, 2)
        pygame.surfarray.blit_array(buffer, pixels)
        pygame.transform.scale(buffer, screen.get_size(), screen)

        elapsed = (pygame.time.get_ticks() - start) / 1000
        screen.blit(font.render(f"wind {wind:+d}   {DEMO_SECONDS - elapsed:4.1f}s left   fps {clock.get_fps():.0f}", True, (255, 255, 255)), (8, 8))
        pygame.display.flip()
        clock.tick(60)

        if elapsed > DEMO_SECONDS:
            print("Demo finished")
            pygame.quit()
            sys.exit()


if __name__ == "__main__":
    main()
