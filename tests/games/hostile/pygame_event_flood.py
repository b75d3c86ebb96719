# expect: ok|error|timeout|killed — posts a million events per frame
"""Event Flood (hostile): pygame.event.post a million times; the host must stay responsive."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-pygame_event_flood", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame


def update(dt):
    ev = pygame.event.Event(pygame.USEREVENT, payload="x" * 100)
    for _ in range(1_000_000):
        pygame.event.post(ev)


def draw(screen):
    screen.fill((40, 0, 0))
