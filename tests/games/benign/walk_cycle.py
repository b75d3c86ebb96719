"""Walk Cycle
A stick figure built from generated animation frames. Left/Right walk, Up/Down scale, Space spins.
"""
import math

import pygame as pg

WIDTH, HEIGHT = 640, 480
FRAME_COUNT = 8


def make_frames():
    frames = []
    for i in range(FRAME_COUNT):
        surf = pg.Surface((32, 48), pg.SRCALPHA)
        phase = i / FRAME_COUNT * 2 * math.pi
        swing = math.sin(phase) * 8
        pg.draw.circle(surf, (250, 220, 180), (16, 7), 6)
        pg.draw.line(surf, (40, 40, 160), (16, 13), (16, 30), 3)
        pg.draw.line(surf, (40, 40, 160), (16, 18), (16 + swing, 26), 2)
        pg.draw.line(surf, (40, 40, 160), (16, 18), (16 - swing, 26), 2)
        pg.draw.line(surf, (20, 20, 20), (16, 30), (16 + swing, 46), 3)
        pg.draw.line(surf, (20, 20, 20), (16, 30), (16 - swing, 46), 3)
        frames.append(surf)
    return frames


class Walker:
    def __init__(self):
        self.frames = make_frames()
        self.x = WIDTH / 2
        self.facing = 1
        self.index = 0.0
        self.scale = 3.0
        self.spin = 0.0
        self.spinning = False

    def update(self, keys):
        moving = False
        if keys[pg.K_LEFT]:
            self.x -= 3
            self.facing = -1
            moving = True
        if keys[pg.K_RIGHT]:
            self.x += 3
            self.facing = 1
            moving = True
        if keys[pg.K_UP]:
            self.scale = min(6.0, self.scale + 0.05)
        if keys[pg.K_DOWN]:
            self.scale = max(1.0, self.scale - 0.05)
        self.x %= WIDTH
        self.index = (self.index + (0.25 if moving else 0.1)) % FRAME_COUNT
        if self.spinning:
            self.spin += 12
            if self.spin >= 360:
                self.spin = 0
                self.spinning = False

    def draw(self, screen):
        image = self.frames[int(self.index)]
        if self.facing < 0:
            image = pg.transform.flip(image, True, False)
        w, h = image.get_size()
        image = pg.transform.scale(image, (int(w * self.scale), int(h * self.scale)))
        if self.spin:
            image = pg.transform.rotate(image, self.spin)
        screen.blit(image, image.get_rect(midbottom=(int(self.x), HEIGHT - 40)))


def main():
    pg.init()
    screen = pg.display.set_mode((WIDTH, HEIGHT))
    pg.display.set_caption("Walk Cycle")
    clock = pg.time.Clock()
    walker = Walker()
    font = pg.font.Font(None, 26)
    done = False
    while not done:
        for event in pg.event.get():
            if event.type == pg.QUIT:
                done = True
            elif event.type == pg.KEYDOWN and event.key == pg.K_SPACE:
                walker.spinning = True
        walker.update(pg.key.get_pressed())
        screen.fill((170, 210, 240))
        pg.draw.rect(screen, (90, 160, 80), (0, HEIGHT - 40, WIDTH, 40))
        walker.draw(screen)
        info = f"frame {int(walker.index)}  scale x{walker.scale:.2f}  ticks {pg.time.get_ticks()}"
        screen.blit(font.render(info, True, (20, 20, 20)), (10, 10))
        pg.display.flip()
        clock.tick(60)
    pg.quit()


if __name__ == "__main__":
    main()
