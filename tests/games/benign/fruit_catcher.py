"""Fruit Catcher
Move the basket with the mouse or Left/Right. Catch fruit, avoid bombs. 1/2/3 pick the difficulty.
"""
import enum
import random
import sys
from dataclasses import dataclass, field
from typing import List, Tuple

import pygame

WIDTH, HEIGHT = 640, 480
Color = Tuple[int, int, int]


class Difficulty(enum.Enum):
    EASY = (2.0, 0.05)
    NORMAL = (3.0, 0.1)
    HARD = (4.5, 0.18)

    @property
    def speed(self) -> float:
        return self.value[0]

    @property
    def bomb_chance(self) -> float:
        return self.value[1]


@dataclass
class Falling:
    x: float
    y: float
    bomb: bool
    color: Color = (230, 60, 60)
    radius: int = 12


@dataclass
class State:
    difficulty: Difficulty = Difficulty.NORMAL
    items: List[Falling] = field(default_factory=list)
    caught: int = 0
    lives: int = 3
    history: List[int] = field(default_factory=list)


def spawn(state: State) -> None:
    bomb = random.random() < state.difficulty.bomb_chance
    color = (30, 30, 30) if bomb else random.choice([(230, 60, 60), (250, 200, 40), (120, 210, 60)])
    state.items.append(Falling(random.uniform(20, WIDTH - 20), -20.0, bomb, color))


def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Fruit Catcher")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 24)
    state = State()
    basket = pygame.Rect(WIDTH // 2 - 45, HEIGHT - 40, 90, 24)
    use_mouse = False
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.MOUSEMOTION:
                use_mouse = True
            if event.type == pygame.KEYDOWN:
                use_mouse = False
                choice = {pygame.K_1: Difficulty.EASY, pygame.K_2: Difficulty.NORMAL, pygame.K_3: Difficulty.HARD}
                if event.key in choice:
                    state = State(difficulty=choice[event.key], history=state.history)
        if use_mouse:
            basket.centerx = pygame.mouse.get_pos()[0]
        keys = pygame.key.get_pressed()
        basket.x += (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 7
        basket.clamp_ip(screen.get_rect())
        if random.random() < 0.03:
            spawn(state)
        for item in state.items[:]:
            item.y += state.difficulty.speed
            hitbox = pygame.Rect(0, 0, item.radius * 2, item.radius * 2)
            hitbox.center = (int(item.x), int(item.y))
            if hitbox.colliderect(basket):
                state.items.remove(item)
                if item.bomb:
                    state.lives -= 1
                else:
                    state.caught += 1
            elif item.y > HEIGHT + 20:
                state.items.remove(item)
        if state.lives <= 0:
            state.history.append(state.caught)
            state = State(difficulty=state.difficulty, history=state.history)
        screen.fill((200, 230, 255))
        for item in state.items:
            pygame.draw.circle(screen, item.color, (int(item.x), int(item.y)), item.radius)
            if item.bomb:
                pygame.draw.line(screen, (250, 120, 0), (item.x, item.y - 12), (item.x + 6, item.y - 20), 2)
        pygame.draw.rect(screen, (150, 100, 50), basket, border_radius=6)
        best = max(state.history, default=0)
        hud = f"{state.difficulty.name.title():<7} caught {state.caught:3d}  lives {state.lives}  best {best}"
        screen.blit(font.render(hud, True, (20, 20, 60)), (10, 10))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
