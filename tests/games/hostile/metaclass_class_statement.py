# expect: error|refused — class Meta(type) compiles; Meta('X', (), {'__del__': ...}) then builds any class
"""Metaclass Statement (hostile): a metaclass made with a class statement."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-metaclass_class_statement", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


hits = []


class Meta(type):
    pass


Sneaky = Meta("Sneaky", (), {"__del__": lambda self: hits.append("deleted")})
thing = Sneaky()
del thing
if hits:
    pwned("class Meta(type) built a class with __del__")


def draw(screen):
    screen.fill((40, 0, 0))
