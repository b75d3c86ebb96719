"""Bouncing Balls
Watch the balls bounce. Space toggles motion trails. Close the window to quit.
"""
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("Bouncing Balls")
clock = pygame.time.Clock()

balls = []
for i in range(12):
    balls.append([random.randint(20, 620), random.randint(20, 460),
                  random.choice([-4, -3, 3, 4]), random.choice([-4, -3, 3, 4]),
                  random.randint(8, 24),
                  (random.randint(60, 255), random.randint(60, 255), random.randint(60, 255))])

trails = False
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            trails = not trails

    for ball in balls:
        ball[0] += ball[2]
        ball[1] += ball[3]
        if ball[0] - ball[4] < 0 or ball[0] + ball[4] > 640:
            ball[2] = -ball[2]
        if ball[1] - ball[4] < 0 or ball[1] + ball[4] > 480:
            ball[3] = -ball[3]

    if trails:
        fade = pygame.Surface((640, 480), pygame.SRCALPHA)
        fade.fill((0, 0, 0, 40))
        screen.blit(fade, (0, 0))
    else:
        screen.fill((0, 0, 0))
    for x, y, dx, dy, r, color in balls:
        pygame.draw.circle(screen, color, (x, y), r)
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
