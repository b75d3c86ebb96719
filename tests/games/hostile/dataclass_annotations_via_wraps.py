# expect: error|refused — functools.wraps (default lists) copies a pygame Event's crafted __annotations__ onto a class, then dataclass
"""Wrapped Annotations (hostile): wraps assigns __annotations__ from any object, and an Event's dict holds any name."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-dataclass_annotations_via_wraps", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses
import functools

import pygame


class C:
    a = 1
    hits = []


donor = pygame.event.Event(pygame.USEREVENT, {"__annotations__": {"a,self.hits.append(__import__('os')),self.a": int}})
try:
    functools.wraps(donor)(C)
except AttributeError:
    pass  # a class's __dict__ cannot be updated; the annotations are already in place
D = dataclasses.dataclass(init=False, repr=False)(C)
D() == D()
if C.hits:
    mark(C.hits[0], "annotations copied by wraps ran code in dataclass")


def draw(screen):
    screen.fill((40, 0, 0))
