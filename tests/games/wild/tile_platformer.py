"""Cave Hopper: a tile platformer
Arrow keys / A-D to run, Space or Up to jump. Collect every gem to open the door.
The camera follows the player through the level.
"""
import sys

import pygame

TILE = 32
LEVEL = [
    "##################################################",
    "#................................................#",
    "#................................................#",
    "#.......g..................g.....................#",
    "#.....#####..............#####.........g.........#",
    "#......................................####......#",
    "#..g.........g......###..........................#",
    "#####.......###..............g..........g.....D..#",
    "#.........................######......#####..###.#",
    "#...........g...................................##",
    "#........######.......g......^^^.................#",
    "#..P.................####....###.......g.........#",
    "#######....^^^....############....##########.....#",
    "##################################################",
]

GRAVITY = 0.6
JUMP_SPEED = -11
RUN_SPEED = 4

pygame.init()
screen = pygame.display.set_mode((800, 448))
pygame.display.set_caption("Cave Hopper")
clock = pygame.time.Clock()
font = pygame.font.SysFont(None, 32)


class Player(pygame.sprite.Sprite):
    def __init__(self, pos):
        super().__init__()
        self.image_right = pygame.Surface((24, 30))
        self.image_right.fill((240, 180, 60))
        pygame.draw.rect(self.image_right, (30, 30, 30), (15, 6, 5, 5))
        self.image_left = pygame.transform.flip(self.image_right, True, False)
        self.image = self.image_right
        self.rect = self.image.get_rect(topleft=pos)
        self.spawn = pos
        self.vel = pygame.math.Vector2(0, 0)
        self.on_ground = False

    def update(self, walls):
        keys = pygame.key.get_pressed()
        self.vel.x = 0
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.vel.x = -RUN_SPEED
            self.image = self.image_left
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.vel.x = RUN_SPEED
            self.image = self.image_right
        if (keys[pygame.K_SPACE] or keys[pygame.K_UP]) and self.on_ground:
            self.vel.y = JUMP_SPEED
        self.vel.y = min(self.vel.y + GRAVITY, 12)

        self.rect.x += self.vel.x
        for wall in walls:
            if self.rect.colliderect(wall):
                if self.vel.x > 0:
                    self.rect.right = wall.left
                elif self.vel.x < 0:
                    self.rect.left = wall.right
        self.rect.y += self.vel.y
        self.on_ground = False
        for wall in walls:
            if self.rect.colliderect(wall):
                if self.vel.y > 0:
                    self.rect.bottom = wall.top
                    self.on_ground = True
                elif self.vel.y < 0:
                    self.rect.top = wall.bottom
                self.vel.y = 0

    def respawn(self):
        self.rect.topleft = self.spawn
        self.vel.update(0, 0)


def load_level():
    walls, spikes, gems = [], [], []
    door = None
    start = (64, 64)
    for row, line in enumerate(LEVEL):
        for col, ch in enumerate(line):
            x, y = col * TILE, row * TILE
            if ch == "#":
                walls.append(pygame.Rect(x, y, TILE, TILE))
            elif ch == "^":
                spikes.append(pygame.Rect(x, y + 16, TILE, 16))
            elif ch == "g":
                gems.append(pygame.Rect(x + 8, y + 8, 16, 16))
            elif ch == "D":
                door = pygame.Rect(x, y - TILE, TILE, TILE * 2)
            elif ch == "P":
                start = (x, y)
    return walls, spikes, gems, door, start


def main():
    walls, spikes, gems, door, start = load_level()
    player = Player(start)
    level_width = len(LEVEL[0]) * TILE
    total_gems = len(gems)
    deaths = 0
    won = False
    camera_x = 0

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
                walls, spikes, gems, door, start = load_level()
                player.respawn()
                won = False

        if not won:
            player.update(walls)
            for gem in gems[:]:
                if player.rect.colliderect(gem):
                    gems.remove(gem)
            if player.rect.collidelist(spikes) != -1 or player.rect.top > len(LEVEL) * TILE:
                deaths += 1
                player.respawn()
            if not gems and door and player.rect.colliderect(door):
                won = True

        camera_x = max(0, min(player.rect.centerx - 400, level_width - 800))
        screen.fill((25, 20, 35))
        for wall in walls:
            pygame.draw.rect(screen, (95, 80, 70), wall.move(-camera_x, 0))
            pygame.draw.rect(screen, (120, 105, 90), wall.move(-camera_x, 0), 1)
        for spike in spikes:
            s = spike.move(-camera_x, 0)
            for i in range(2):
                pygame.draw.polygon(screen, (200, 200, 210), [(s.x + i * 16, s.bottom), (s.x + i * 16 + 8, s.top), (s.x + i * 16 + 16, s.bottom)])
        for gem in gems:
            g = gem.move(-camera_x, 0)
            pygame.draw.polygon(screen, (80, 220, 255), [g.midtop, g.midright, g.midbottom, g.midleft])
        if door:
            color = (80, 200, 80) if not gems else (110, 60, 30)
            pygame.draw.rect(screen, color, door.move(-camera_x, 0))
        screen.blit(player.image, player.rect.move(-camera_x, 0))

        hud = font.render(f"Gems {total_gems - len(gems)}/{total_gems}   Deaths {deaths}", True, (255, 255, 255))
        screen.blit(hud, (10, 10))
        if won:
            text = font.render("You escaped the cave! Press R to play again", True, (255, 255, 120))
            screen.blit(text, text.get_rect(center=(400, 224)))
        pygame.display.flip()
        clock.tick(60)


main()
