# expect: error|killed|timeout — a million-deep nested list, then repr() and deletion recurse in C
"""C Recursion (hostile): nesting built iteratively, torn down by C code."""

nest = []
for _ in range(1_000_000):
    nest = [nest]


def update(dt):
    text = repr(nest)


def draw(screen):
    screen.fill((40, 0, 0))
