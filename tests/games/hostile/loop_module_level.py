# expect: timeout|killed — infinite loop while the module loads
"""Forever (hostile): never finishes loading."""

n = 0
while True:
    n += 1


def draw(screen):
    screen.fill((40, 0, 0))
