# expect: ok|error — raises KeyboardInterrupt, SystemExit(3) and GeneratorExit from hooks (bypass `except Exception`)
"""Odd Exits (hostile): BaseException subclasses that a runner catching Exception would miss."""

frames = 0


def update(dt):
    global frames
    frames += 1
    if frames == 10:
        raise KeyboardInterrupt("from update")


def on_key_down(key):
    raise SystemExit(3)


def draw(screen):
    if frames == 5:
        exit()
    screen.fill((0, 0, 0))
