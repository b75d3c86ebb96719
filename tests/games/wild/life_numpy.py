"""Conway's Game of Life (NumPy)
The grid is a NumPy array and is drawn with pygame.surfarray, scaled up to the window.
Space pauses, click/drag to draw cells, C clears, R randomises, +/- change speed.
"""
import numpy as np
import pygame

GRID_W, GRID_H = 160, 120
SCALE = 5
WIDTH, HEIGHT = GRID_W * SCALE, GRID_H * SCALE


def step(grid):
    neighbours = sum(
        np.roll(np.roll(grid, dy, axis=0), dx, axis=1)
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if (dx, dy) != (0, 0)
    )
    return ((neighbours == 3) | ((grid == 1) & (neighbours == 2))).astype(np.uint8)


def to_surface(grid, age):
    rgb = np.zeros((GRID_W, GRID_H, 3), dtype=np.uint8)
    alive = grid.T == 1
    glow = np.clip(age.T * 8, 0, 200).astype(np.uint8)
    rgb[..., 0] = np.where(alive, 55 + glow, 10)
    rgb[..., 1] = np.where(alive, 255 - glow, 12)
    rgb[..., 2] = np.where(alive, 120, 25)
    small = pygame.surfarray.make_surface(rgb)
    return pygame.transform.scale(small, (WIDTH, HEIGHT))


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Game of Life - NumPy")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("consolas", 18)

    grid = (np.random.random((GRID_H, GRID_W)) < 0.2).astype(np.uint8)
    age = np.zeros_like(grid, dtype=np.int32)
    paused = False
    speed = 20
    generation = 0

    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                if event.key == pygame.K_SPACE:
                    paused = not paused
                elif event.key == pygame.K_c:
                    grid[:] = 0
                    generation = 0
                elif event.key == pygame.K_r:
                    grid = (np.random.random((GRID_H, GRID_W)) < 0.2).astype(np.uint8)
                    generation = 0
                elif event.key in (pygame.K_PLUS, pygame.K_EQUALS):
                    speed = min(60, speed + 5)
                elif event.key == pygame.K_MINUS:
                    speed = max(1, speed - 5)

        buttons = pygame.mouse.get_pressed()
        if buttons[0] or buttons[2]:
            mx, my = pygame.mouse.get_pos()
            gx, gy = mx // SCALE, my // SCALE
            if 0 <= gx < GRID_W and 0 <= gy < GRID_H:
                grid[max(0, gy - 1):gy + 2, max(0, gx - 1):gx + 2] = 1 if buttons[0] else 0

        if not paused:
            grid = step(grid)
            age = np.where(grid == 1, age + 1, 0)
            generation += 1

        screen.blit(to_surface(grid, age), (0, 0))
        label = f"gen {generation}  alive {int(grid.sum())}  speed {speed}" + ("  [PAUSED]" if paused else "")
        screen.blit(font.render(label, True, (255, 255, 255), (0, 0, 0)), (6, 6))
        pygame.display.flip()
        clock.tick(speed)

    pygame.quit()


if __name__ == "__main__":
    main()
