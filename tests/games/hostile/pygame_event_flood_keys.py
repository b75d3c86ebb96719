# expect: ok|error|timeout|killed — floods fake KEYDOWN/QUIT events and custom timers at 1 ms
"""Input Forgery (hostile): post fake key presses and QUITs, plus 1 ms timers on many event ids."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-pygame_event_flood_keys", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

for i in range(30):
    pygame.time.set_timer(pygame.USEREVENT + i, 1)


def update(dt):
    for _ in range(10_000):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode=""))
        pygame.event.post(pygame.event.Event(pygame.QUIT))


def draw(screen):
    screen.fill((40, 0, 0))
