# expect: ok|error|timeout|killed — prints 10 MB per frame (the host must not buffer it all)
"""Print Flood (hostile)."""

LINE = "spam " * 2_000_000


def update(dt):
    for _ in range(5):
        print(LINE)


def draw(screen):
    screen.fill((40, 0, 0))
