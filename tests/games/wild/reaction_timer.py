"""Reaction Timer
Wait for the screen to turn green, then click or press any key as fast as you can.
Clicking too early is a false start. After 5 valid attempts your average is shown and the test ends.
"""
import random
import statistics
import sys

import pygame

ATTEMPTS = 5

pygame.init()
screen = pygame.display.set_mode((700, 450))
pygame.display.set_caption("Reaction Timer")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 56)
small = pygame.font.Font(None, 32)


def show(lines, color):
    screen.fill(color)
    for i, (text, fnt) in enumerate(lines):
        surf = fnt.render(text, True, (255, 255, 255))
        screen.blit(surf, surf.get_rect(center=(350, 180 + i * 60)))
    pygame.display.flip()


def main():
    times = []
    state = "ready"
    go_at = 0
    shown_at = 0
    last = None

    while len(times) < ATTEMPTS:
        now = pygame.time.get_ticks()
        acted = False
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                acted = True

        if state == "ready":
            show([("Click to start", font), (f"Attempt {len(times) + 1} of {ATTEMPTS}", small)], (40, 60, 120))
            if acted:
                state = "waiting"
                go_at = now + random.randint(1500, 4000)
        elif state == "waiting":
            show([("Wait for green...", font)], (170, 40, 40))
            if acted:
                state = "false_start"
                shown_at = now
            elif now >= go_at:
                state = "go"
                shown_at = now
        elif state == "go":
            show([("CLICK!", font)], (40, 170, 70))
            if acted:
                last = now - shown_at
                times.append(last)
                state = "result"
                shown_at = now
        elif state == "result":
            show([(f"{last} ms", font), ("Click to continue", small)], (40, 60, 120))
            if acted and now - shown_at > 300:
                state = "ready" if len(times) < ATTEMPTS else "done"
        elif state == "false_start":
            show([("Too soon!", font), ("Click to try again", small)], (120, 60, 20))
            if acted and now - shown_at > 300:
                state = "ready"
        clock.tick(120)

    average = statistics.mean(times)
    best = min(times)
    show([(f"Average: {average:.0f} ms", font), (f"Best: {best} ms   All: {', '.join(map(str, times))}", small)], (30, 30, 60))
    print(f"Average reaction time: {average:.0f} ms")
    pygame.time.delay(2500)
    pygame.quit()


if __name__ == "__main__":
    main()
