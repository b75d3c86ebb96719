# expect: timeout|killed — infinite loop restarted from `finally` and from a generator's close()
"""Unkillable 2 (hostile): re-enter the loop from finally blocks."""


def spin():
    try:
        while True:
            pass
    finally:
        spin()


def update(dt):
    while True:
        try:
            spin()
        except RecursionError:
            pass
        except Exception:
            pass


def draw(screen):
    screen.fill((40, 0, 0))
