# expect: timeout|killed — infinite loop inside update() after a few good frames
"""Forever 2 (hostile): a few normal frames, then update never returns."""

frames = 0


def update(dt):
    global frames
    frames += 1
    if frames > 5:
        while True:
            frames += 1


def draw(screen):
    screen.fill((40, 0, 0))
