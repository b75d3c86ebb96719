# expect: error — terminal escapes in its title, caption, prints and error message (set the window title, write the clipboard, erase lines to fake an "ok")
"""Escapes]0;EVIL-TITLE[2K‮eltit. Arrows do nothing[1A2J."""

import pygame

WIDTH, HEIGHT = 64, 48
ESC, BEL, CSI = chr(27), chr(7), chr(0x9B)
# Built at run time, so no check of the source text can see them.
SET_TITLE = ESC + "]0;EVIL-TITLE" + BEL
WRITE_CLIPBOARD = ESC + "]52;c;" + "RVZJTA==" + BEL
FAKE_OK = ESC + "[2K" + chr(13) + ESC + "[1A" + "ok: 600 frames at 60 fps; draws, responds to input"
REVERSED = chr(0x202E) + "elif" + chr(0x2066)

frame = 0


class Message:
    """An error whose text is only made when it is shown."""

    def __init__(self, parts):
        self.parts = parts

    def __str__(self):
        return "".join(self.parts)


class Boom(Exception):
    pass


def update(dt):
    global frame
    frame += 1
    pygame.display.set_caption(SET_TITLE + "caption" + REVERSED, WRITE_CLIPBOARD)
    print("printed", SET_TITLE, WRITE_CLIPBOARD, sep=CSI + "2J")
    if frame == 5:
        raise Boom(str(Message(["boom", FAKE_OK, SET_TITLE, REVERSED, "\n", FAKE_OK])))


def draw(screen):
    screen.fill((frame * 40 % 256, 0, 0))
    pygame.draw.line(screen, (255, 255, 255), (0, 0), (frame, 40))
