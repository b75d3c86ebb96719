"""Idle Miner
Mine ore by clicking the rock (or pressing Space). Hire miners and buy better picks.
Every 60 seconds a gold rush doubles all income for 10 seconds.
"""
import random
from dataclasses import dataclass

import pygame


@dataclass
class Shop:
    name: str
    price: float
    growth: float
    count: int = 0

    def next_price(self):
        return self.price * self.growth ** self.count


class MinerGame:
    WIDTH = 800
    HEIGHT = 500

    def __init__(self):
        pygame.init()
        self.screen = pygame.display.set_mode((self.WIDTH, self.HEIGHT))
        pygame.display.set_caption("Idle Miner")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.Font(None, 30)
        self.title_font = pygame.font.Font(None, 52)
        self.ore = 0.0
        self.total_mined = 0.0
        self.pick = Shop("Better pick", 10, 1.6)
        self.miners = Shop("Hire miner", 25, 1.25)
        self.carts = Shop("Mine cart", 300, 1.3)
        self.rock = pygame.Rect(120, 170, 220, 180)
        self.particles = []
        self.rush_until = 0
        self.next_rush = pygame.time.get_ticks() + 60_000
        self.running = True

    @property
    def multiplier(self):
        return 2 if pygame.time.get_ticks() < self.rush_until else 1

    def click_power(self):
        return (1 + self.pick.count) * self.multiplier

    def income(self):
        return (self.miners.count * 0.5 + self.carts.count * 6) * self.multiplier

    def buy(self, shop):
        if self.ore >= shop.next_price():
            self.ore -= shop.next_price()
            shop.count += 1

    def mine(self, pos):
        gained = self.click_power()
        self.ore += gained
        self.total_mined += gained
        for _ in range(8):
            self.particles.append([list(pos), [random.uniform(-3, 3), random.uniform(-6, -1)], 40])

    def shop_rects(self):
        return [pygame.Rect(460, 140 + i * 100, 300, 80) for i in range(3)]

    def handle_events(self):
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                self.mine(self.rock.center)
            elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                if self.rock.collidepoint(event.pos):
                    self.mine(event.pos)
                for rect, shop in zip(self.shop_rects(), (self.pick, self.miners, self.carts)):
                    if rect.collidepoint(event.pos):
                        self.buy(shop)

    def update(self, dt):
        gained = self.income() * dt
        self.ore += gained
        self.total_mined += gained
        now = pygame.time.get_ticks()
        if now >= self.next_rush:
            self.rush_until = now + 10_000
            self.next_rush = now + 60_000
        for p in self.particles:
            p[0][0] += p[1][0]
            p[0][1] += p[1][1]
            p[1][1] += 0.3
            p[2] -= 1
        self.particles = [p for p in self.particles if p[2] > 0]

    def draw(self):
        rush = self.multiplier > 1
        self.screen.fill((70, 55, 45) if not rush else (110, 85, 30))
        pygame.draw.ellipse(self.screen, (120, 110, 100), self.rock)
        for i in range(6):
            x = self.rock.x + 30 + (i * 37) % 160
            y = self.rock.y + 30 + (i * 53) % 110
            pygame.draw.circle(self.screen, (240, 200, 60), (x, y), 9)
        for (x, y), _, life in self.particles:
            pygame.draw.circle(self.screen, (240, 200, 60), (int(x), int(y)), max(1, life // 10))
        text = self.title_font.render(f"Ore: {int(self.ore)}", True, (255, 255, 255))
        self.screen.blit(text, (40, 40))
        info = self.font.render(f"{self.income():.1f} ore/s   {self.click_power()} per click   mined {int(self.total_mined)}", True, (230, 230, 230))
        self.screen.blit(info, (40, 90))
        if rush:
            left = (self.rush_until - pygame.time.get_ticks()) // 1000 + 1
            self.screen.blit(self.title_font.render(f"GOLD RUSH x2 ({left}s)", True, (255, 230, 90)), (40, 400))
        for rect, shop in zip(self.shop_rects(), (self.pick, self.miners, self.carts)):
            can_buy = self.ore >= shop.next_price()
            pygame.draw.rect(self.screen, (60, 120, 70) if can_buy else (60, 60, 60), rect, border_radius=8)
            self.screen.blit(self.font.render(f"{shop.name} ({shop.count})", True, (255, 255, 255)), (rect.x + 12, rect.y + 12))
            self.screen.blit(self.font.render(f"{shop.next_price():.0f} ore", True, (255, 230, 150)), (rect.x + 12, rect.y + 46))
        pygame.display.flip()

    def run(self):
        while self.running:
            dt = self.clock.tick(60) / 1000.0
            self.handle_events()
            self.update(dt)
            self.draw()
        pygame.quit()


if __name__ == "__main__":
    MinerGame().run()
