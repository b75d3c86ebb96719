# expect: error|ok — single-underscore attributes of facade objects (allowed in games) reach nothing
"""Private reach (hostile): reads and writes `_name` attributes of what the sandbox hands out."""
import pygame
import sys
import math


def pwned(how):
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


clock = pygame.time.Clock()
for holder, name in ((clock, "_console"), (pygame.time.Clock, "_console"), (sys.stdout, "_write_text"),
                     (pygame.key.get_pressed(), "_down"), (pygame, "_facade_frozen")):
    value = getattr(holder, name, None)
    # Anything callable that could publish frames or pump host commands would be a way in.
    for inner in ("classic_frame", "pump_input", "heartbeat", "screen", "events"):
        if getattr(value, inner, None) is not None:
            pwned("reached the runtime console through " + name)
try:
    type(pygame)._facade_frozen = False
    math.pi = 3
    pwned("unfroze a facade namespace")
except AttributeError:
    pass
try:
    type(math)._facade_frozen = False
except AttributeError:
    pass
if math.pi != 3.141592653589793:
    pwned("changed math.pi")


def draw(screen):
    screen.fill((0, 40, 0))
