"""Village Quest
A tiny top-down RPG. Walk with WASD/arrows, press E (or Space) next to a villager to talk,
Space/Enter advances the dialogue. Find the lost cat for the old woman!
"""
import textwrap

import pygame

TILE = 32
MAP = [
    "TTTTTTTTTTTTTTTTTTTTTTTTT",
    "T.......................T",
    "T..HHH......~~~.....HHH.T",
    "T..HDH.....~~~~~....HDH.T",
    "T..........~~~~~........T",
    "T....1......~~~.........T",
    "T.......................T",
    "T......pppppppppppp.....T",
    "T......p..........p.....T",
    "T..2...p....3.....p.....T",
    "T......pppppppppppp...c.T",
    "T.......................T",
    "T...TT..........TT......T",
    "TTTTTTTTTTTTTTTTTTTTTTTTT",
]
SOLID = {"T", "H", "D", "~"}
COLORS = {".": (100, 170, 80), "T": (30, 90, 40), "H": (150, 90, 60), "D": (90, 50, 30), "~": (60, 120, 200), "p": (200, 180, 130)}

DIALOGUE = {
    "1": ["Old Woman: Oh dear, have you seen my cat Whiskers?",
          "Old Woman: She ran off toward the east fields this morning. Please bring her home!"],
    "2": ["Farmer: Fine weather for the turnips, wouldn't you say?",
          "Farmer: They say the pond is bottomless. I don't believe a word of it."],
    "3": ["Child: I'm guarding the square! Nobody gets past without a password.",
          "Child: ...the password is 'please'. Okay, you can go."],
}

pygame.init()
screen = pygame.display.set_mode((len(MAP[0]) * TILE, len(MAP) * TILE))
pygame.display.set_caption("Village Quest")
clock = pygame.time.Clock()
font = pygame.font.SysFont("georgia", 20)


def find_tiles(ch):
    return [(x, y) for y, row in enumerate(MAP) for x, c in enumerate(row) if c == ch]


npcs = {ch: find_tiles(ch)[0] for ch in "123"}
cat_pos = find_tiles("c")[0]
player = pygame.Rect(12 * TILE + 6, 6 * TILE + 6, 20, 20)
speed = 3
dialog_lines = []
dialog_index = 0
has_cat = False
quest_done = False


def blocked(rect):
    for corner in (rect.topleft, rect.topright, rect.bottomleft, rect.bottomright):
        x, y = corner[0] // TILE, corner[1] // TILE
        if MAP[y][x] in SOLID:
            return True
    for nx, ny in npcs.values():
        if rect.colliderect((nx * TILE + 4, ny * TILE + 4, TILE - 8, TILE - 8)):
            return True
    return False


def nearby_npc():
    for ch, (nx, ny) in npcs.items():
        center = (nx * TILE + TILE // 2, ny * TILE + TILE // 2)
        if abs(center[0] - player.centerx) < 48 and abs(center[1] - player.centery) < 48:
            return ch
    return None


def draw_dialog(text):
    box = pygame.Rect(20, screen.get_height() - 120, screen.get_width() - 40, 100)
    pygame.draw.rect(screen, (20, 20, 40), box, border_radius=8)
    pygame.draw.rect(screen, (220, 220, 255), box, 2, border_radius=8)
    for i, line in enumerate(textwrap.wrap(text, width=70)):
        screen.blit(font.render(line, True, (255, 255, 255)), (box.x + 14, box.y + 12 + i * 24))
    hint = font.render("[Space]", True, (160, 160, 200))
    screen.blit(hint, (box.right - hint.get_width() - 10, box.bottom - 28))


running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            if dialog_lines:
                if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_e):
                    dialog_index += 1
                    if dialog_index >= len(dialog_lines):
                        dialog_lines = []
            elif event.key in (pygame.K_e, pygame.K_SPACE):
                who = nearby_npc()
                if who == "1" and has_cat:
                    dialog_lines = ["Old Woman: Whiskers! You found her! Thank you, dear traveller.", "* Quest complete *"]
                    has_cat = False
                    quest_done = True
                elif who:
                    dialog_lines = DIALOGUE[who]
                dialog_index = 0

    if not dialog_lines:
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        for step_x, step_y in ((dx * speed, 0), (0, dy * speed)):
            moved = player.move(step_x, step_y)
            if not blocked(moved):
                player = moved
        cat_rect = pygame.Rect(cat_pos[0] * TILE + 8, cat_pos[1] * TILE + 8, 16, 16)
        if not has_cat and not quest_done and player.colliderect(cat_rect):
            has_cat = True
            dialog_lines, dialog_index = ["You picked up Whiskers. Meow!"], 0

    for y, row in enumerate(MAP):
        for x, ch in enumerate(row):
            color = COLORS.get(ch, COLORS["."])
            pygame.draw.rect(screen, color, (x * TILE, y * TILE, TILE, TILE))
            if ch == "T":
                pygame.draw.circle(screen, (20, 70, 30), (x * TILE + 16, y * TILE + 16), 14)
    for ch, (nx, ny) in npcs.items():
        pygame.draw.circle(screen, (240, 200, 160), (nx * TILE + 16, ny * TILE + 10), 8)
        pygame.draw.rect(screen, [(160, 60, 160), (60, 120, 60), (220, 120, 40)][int(ch) - 1], (nx * TILE + 8, ny * TILE + 16, 16, 14))
    if not has_cat and not quest_done:
        pygame.draw.circle(screen, (250, 150, 40), (cat_pos[0] * TILE + 16, cat_pos[1] * TILE + 16), 7)
    pygame.draw.rect(screen, (40, 60, 200), player, border_radius=6)
    if has_cat:
        pygame.draw.circle(screen, (250, 150, 40), (player.right, player.top), 5)
    who = nearby_npc()
    if who and not dialog_lines:
        prompt = font.render("E: talk", True, (255, 255, 255))
        screen.blit(prompt, (player.x - 10, player.y - 26))
    if dialog_lines:
        draw_dialog(dialog_lines[dialog_index])
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
