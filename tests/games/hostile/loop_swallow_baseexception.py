# expect: timeout|killed — `while True: try: ... except BaseException: pass` swallows any exception the sandbox raises
"""Unkillable (hostile): a timeout raised as an exception inside game code is swallowed."""


def update(dt):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass


def draw(screen):
    screen.fill((40, 0, 0))
