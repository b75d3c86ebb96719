"""Mandelbrot Explorer
Left click zooms in where you click, right click zooms out, arrows pan, R resets.
The set is computed with vectorised NumPy and shown through pygame.surfarray.
"""
import numpy as np
import pygame

WIDTH, HEIGHT = 640, 480
MAX_ITER = 80


def mandelbrot(cx, cy, scale):
    xs = np.linspace(cx - scale * WIDTH / 2, cx + scale * WIDTH / 2, WIDTH)
    ys = np.linspace(cy - scale * HEIGHT / 2, cy + scale * HEIGHT / 2, HEIGHT)
    c = xs[:, None] + 1j * ys[None, :]
    z = np.zeros_like(c)
    counts = np.zeros(c.shape, dtype=np.int32)
    alive = np.ones(c.shape, dtype=bool)
    for i in range(MAX_ITER):
        z[alive] = z[alive] * z[alive] + c[alive]
        escaped = alive & (np.abs(z) > 2)
        counts[escaped] = i
        alive &= ~escaped
    counts[alive] = MAX_ITER
    return counts


def colorize(counts):
    t = counts / MAX_ITER
    rgb = np.empty(counts.shape + (3,), dtype=np.uint8)
    rgb[..., 0] = (9 * (1 - t) * t * t * t * 255).astype(np.uint8)
    rgb[..., 1] = (15 * (1 - t) ** 2 * t * t * 255).clip(0, 255).astype(np.uint8)
    rgb[..., 2] = (8.5 * (1 - t) ** 3 * t * 255).clip(0, 255).astype(np.uint8)
    return rgb


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Mandelbrot Explorer")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 16)

center_x, center_y, scale = -0.6, 0.0, 3.5 / WIDTH
image = None
dirty = True
zoom_level = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.MOUSEBUTTONDOWN:
            mx, my = event.pos
            center_x += (mx - WIDTH / 2) * scale
            center_y += (my - HEIGHT / 2) * scale
            if event.button == 1:
                scale /= 2
                zoom_level += 1
            elif event.button == 3:
                scale *= 2
                zoom_level -= 1
            dirty = True
        elif event.type == pygame.KEYDOWN:
            step = 60 * scale
            if event.key == pygame.K_LEFT:
                center_x -= step
            elif event.key == pygame.K_RIGHT:
                center_x += step
            elif event.key == pygame.K_UP:
                center_y -= step
            elif event.key == pygame.K_DOWN:
                center_y += step
            elif event.key == pygame.K_r:
                center_x, center_y, scale, zoom_level = -0.6, 0.0, 3.5 / WIDTH, 0
            dirty = True

    if dirty:
        pygame.display.set_caption("Mandelbrot Explorer (rendering...)")
        image = pygame.surfarray.make_surface(colorize(mandelbrot(center_x, center_y, scale)))
        pygame.display.set_caption("Mandelbrot Explorer")
        dirty = False

    screen.blit(image, (0, 0))
    info = font.render(f"center ({center_x:.6f}, {center_y:.6f})  zoom 2^{zoom_level}", True, (255, 255, 255), (0, 0, 0))
    screen.blit(info, (5, HEIGHT - 22))
    pygame.draw.line(screen, (255, 255, 255), (WIDTH // 2 - 6, HEIGHT // 2), (WIDTH // 2 + 6, HEIGHT // 2))
    pygame.draw.line(screen, (255, 255, 255), (WIDTH // 2, HEIGHT // 2 - 6), (WIDTH // 2, HEIGHT // 2 + 6))
    pygame.display.flip()
    clock.tick(30)

pygame.quit()
