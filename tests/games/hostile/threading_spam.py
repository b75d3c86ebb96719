# expect: refused|error|killed|timeout — starts thousands of spinning threads
"""Thread Spam (hostile)."""

import threading


def spin():
    while True:
        pass


for _ in range(5000):
    threading.Thread(target=spin, daemon=True).start()


def draw(screen):
    screen.fill((40, 0, 0))
