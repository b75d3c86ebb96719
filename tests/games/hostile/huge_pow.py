# expect: timeout|killed|error|refused — n ** 10**10: a single C call that never returns
"""Big Number (hostile): one multiplication loop deep inside C; exceptions cannot interrupt it."""


def update(dt):
    n = 7
    result = n ** 10 ** 10


def draw(screen):
    screen.fill((40, 0, 0))
