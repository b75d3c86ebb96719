# expect: error|refused — subclass of string.Formatter overriding get_value/get_field
"""Formatter Subclass (hostile): a Formatter subclass that resolves fields with getattr."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-format_vformat_subclass", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import string

import pygame


class Leaky(string.Formatter):
    def get_field(self, field_name, args, kwargs):
        obj = args[0]
        for part in field_name.split(".")[1:]:
            obj = getattr(obj, part)
        return obj, field_name


text = Leaky().format("{0.__init__.__globals__}", pygame.sprite.Sprite())
if "<module 'pygame'" in text:
    pwned("Formatter subclass read __globals__")


def draw(screen):
    screen.fill((40, 0, 0))
