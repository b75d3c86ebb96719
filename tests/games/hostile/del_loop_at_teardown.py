# expect: refused|timeout|killed — __del__ with an infinite loop runs when the game is torn down
"""Haunting (hostile): code that runs after the game is gone."""


class Ghost:
    def __init__(self):
        self.alive = True

    def __del__(self):
        while True:
            pass


ghosts = [Ghost() for _ in range(3)]


def update(dt):
    ghosts.append(Ghost())
    ghosts.pop(0)


def draw(screen):
    screen.fill((40, 0, 0))
