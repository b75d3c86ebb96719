"""Falling Sand
A small powder toy. Hold the left mouse button to pour the selected material.
1 = sand, 2 = water, 3 = stone, 4 = eraser. C clears the box.
Simulation on a NumPy grid, drawn with pygame.surfarray.pixels3d.
"""
import random

import numpy as np
import pygame

W, H = 200, 150
SCALE = 4
EMPTY, SAND, WATER, STONE = 0, 1, 2, 3
COLORS = np.array([(12, 12, 20), (220, 190, 110), (50, 110, 230), (110, 110, 120)], dtype=np.uint8)
NAMES = {SAND: "sand", WATER: "water", STONE: "stone", EMPTY: "eraser"}


def update(grid):
    # Walk bottom-up so each grain moves at most once per frame.
    for y in range(H - 2, -1, -1):
        row = grid[y]
        below = grid[y + 1]
        xs = np.nonzero((row == SAND) | (row == WATER))[0]
        if xs.size == 0:
            continue
        np.random.shuffle(xs)
        for x in xs:
            kind = row[x]
            if below[x] == EMPTY or (kind == SAND and below[x] == WATER):
                row[x], below[x] = below[x], kind
                continue
            d = random.choice((-1, 1))
            for dx in (d, -d):
                nx = x + dx
                if 0 <= nx < W and (below[nx] == EMPTY or (kind == SAND and below[nx] == WATER)):
                    row[x], below[nx] = below[nx], kind
                    break
            else:
                if kind == WATER:
                    for dx in (d, -d):
                        nx = x + dx
                        if 0 <= nx < W and row[nx] == EMPTY:
                            row[x], row[nx] = EMPTY, WATER
                            break


def main():
    pygame.init()
    screen = pygame.display.set_mode((W * SCALE, H * SCALE))
    pygame.display.set_caption("Falling Sand")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 24)
    canvas = pygame.Surface((W, H))

    grid = np.zeros((H, W), dtype=np.uint8)
    grid[H - 1, :] = STONE
    grid[100, 40:90] = STONE
    grid[70, 120:170] = STONE
    material = SAND
    brush = 3

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                return
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_1:
                    material = SAND
                elif event.key == pygame.K_2:
                    material = WATER
                elif event.key == pygame.K_3:
                    material = STONE
                elif event.key == pygame.K_4:
                    material = EMPTY
                elif event.key == pygame.K_c:
                    grid[:H - 1] = EMPTY
            if event.type == pygame.MOUSEWHEEL:
                brush = max(1, min(10, brush + event.y))

        if pygame.mouse.get_pressed()[0]:
            mx, my = pygame.mouse.get_pos()
            gx, gy = mx // SCALE, my // SCALE
            y0, y1 = max(0, gy - brush), min(H - 1, gy + brush)
            x0, x1 = max(0, gx - brush), min(W, gx + brush)
            region = grid[y0:y1, x0:x1]
            if material in (SAND, WATER):
                mask = np.random.random(region.shape) < 0.3
                region[mask & (region == EMPTY)] = material
            else:
                region[:] = material

        # A steady drizzle from the top so there is always something happening
        if random.random() < 0.5:
            grid[0, random.randrange(60, 140)] = random.choice((SAND, WATER))

        update(grid)

        pixels = pygame.surfarray.pixels3d(canvas)
        pixels[:] = COLORS[grid].transpose(1, 0, 2)
        del pixels  # unlock the surface before blitting
        pygame.transform.scale(canvas, screen.get_size(), screen)
        label = font.render(f"{NAMES[material]}  brush {brush}  grains {int(np.count_nonzero((grid == SAND) | (grid == WATER)))}", True, (255, 255, 255))
        screen.blit(label, (8, 8))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
