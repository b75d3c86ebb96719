"""Starfield
Up/Down change the warp speed. Close the window to quit.
"""
import random
import pygame

W, H = 640, 480
pygame.init()
screen = pygame.display.set_mode((W, H))
clock = pygame.time.Clock()
stars = [[random.uniform(-W, W), random.uniform(-H, H), random.uniform(1, W)] for _ in range(300)]
speed = 8.0
frame = 0

running = True
while running:
    for e in pygame.event.get():
        if e.type == pygame.QUIT:
            running = False
        elif e.type == pygame.KEYDOWN:
            if e.key == pygame.K_UP:
                speed = min(speed + 2, 40)
            elif e.key == pygame.K_DOWN:
                speed = max(speed - 2, 1)
    screen.fill((0, 0, 0))
    for s in stars:
        s[2] -= speed
        if s[2] <= 1:
            s[0], s[1], s[2] = random.uniform(-W, W), random.uniform(-H, H), W
        k = 128 / s[2]
        x, y = int(s[0] * k + W / 2), int(s[1] * k + H / 2)
        if 0 <= x < W and 0 <= y < H:
            shade = max(0, min(255, int(255 - s[2] * 255 / W)))
            size = max(1, int((1 - s[2] / W) * 4))
            pygame.draw.circle(screen, (shade, shade, shade), (x, y), size)
    frame += 1
    if frame % 30 == 0:
        pygame.display.set_caption("Starfield - warp {:.1f} - {:.1f} fps".format(speed, clock.get_fps()))
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
