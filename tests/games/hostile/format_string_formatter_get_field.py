# expect: error|refused — string.Formatter().get_field returns the real object behind a dotted field
"""Formatter Spy (hostile): get_field returns objects, not just their text."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-format_string_formatter_get_field", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import string

import pygame

obj, _ = string.Formatter().get_field("0.__init__.__globals__", [pygame.sprite.Sprite()], {})
real_os = obj["pygame"].sysfont.os
mark(real_os, "string.Formatter().get_field")


def draw(screen):
    screen.fill((40, 0, 0))
