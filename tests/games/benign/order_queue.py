"""Order Up
Orders queue up at a diner counter; serve them in order. 1/2/3 cook burger, fries or
shake, Enter serves the front order, Backspace undoes the last dish. VIP orders (gold)
jump the line.
"""
import queue
import random
from queue import Empty, Full, LifoQueue, PriorityQueue

import pygame

WIDTH, HEIGHT = 640, 400
DISHES = ("burger", "fries", "shake")
COLOURS = {"burger": (200, 120, 60), "fries": (240, 210, 80), "shake": (230, 150, 200)}

orders = queue.Queue(maxsize=8)
vip_orders = PriorityQueue()
tray = LifoQueue(maxsize=3)
events = queue.SimpleQueue()
served = 0
missed = 0
spawn_timer = 0.0
order_number = 0
font = None


def add_order():
    global order_number, missed
    order_number += 1
    order = (order_number, random.choice(DISHES))
    if random.random() < 0.15:
        vip_orders.put((-order_number, order))
        return
    try:
        orders.put_nowait(order)
    except Full:
        missed += 1
        events.put(("missed", order))


def front_order():
    if not vip_orders.empty():
        return vip_orders.queue[0][1]
    if not orders.empty():
        return orders.queue[0]
    return None


def serve():
    global served
    order = front_order()
    if order is None or tray.empty():
        return
    dish = tray.get_nowait()
    if dish != order[1]:
        events.put(("wrong", order))
        return
    if not vip_orders.empty():
        vip_orders.get_nowait()
    else:
        orders.get_nowait()
    served += 1
    events.put(("served", order))


def on_key_down(key):
    if key in (pygame.K_1, pygame.K_2, pygame.K_3):
        try:
            tray.put_nowait(DISHES[key - pygame.K_1])
        except Full:
            events.put(("tray full", None))
    elif key == pygame.K_RETURN:
        serve()
    elif key == pygame.K_BACKSPACE:
        try:
            tray.get_nowait()
        except Empty:
            pass


def update(dt):
    global spawn_timer
    spawn_timer += dt
    if spawn_timer > 0.8:
        spawn_timer = 0.0
        add_order()


recent = []


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 28)
    while True:
        try:
            recent.append(events.get_nowait())
        except Empty:
            break
    del recent[:-5]
    screen.fill((40, 30, 30))
    pending = [order for _, order in sorted(vip_orders.queue)] + list(orders.queue)
    for i, (number, dish) in enumerate(pending[:10]):
        vip = i < vip_orders.qsize()
        rect = pygame.Rect(20 + i * 60, 40, 52, 70)
        pygame.draw.rect(screen, (220, 190, 40) if vip else (230, 230, 230), rect, border_radius=6)
        pygame.draw.circle(screen, COLOURS[dish], rect.center, 16)
        screen.blit(font.render(str(number), True, (20, 20, 20)), (rect.x + 4, rect.y + 2))
    for i, dish in enumerate(list(tray.queue)):
        pygame.draw.circle(screen, COLOURS[dish], (60 + i * 50, 260), 20)
    screen.blit(font.render(f"served {served}  missed {missed}  waiting {orders.qsize()}", True, (255, 255, 255)), (20, 320))
    for i, (kind, order) in enumerate(recent):
        screen.blit(font.render(kind, True, (180, 180, 255)), (400, 150 + i * 24))
