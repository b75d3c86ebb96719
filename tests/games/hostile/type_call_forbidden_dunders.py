# expect: error|refused — three-argument type() defines __del__, which a class statement may not
"""Type Dunders (hostile): type(name, bases, dict) sets any dunder."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-type_call_forbidden_dunders", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


hits = []


def on_delete(self):
    hits.append("deleted")


Sneaky = type("Sneaky", (), {"__del__": on_delete})
thing = Sneaky()
del thing
if hits:
    pwned("type() defined a __del__ that ran")


def draw(screen):
    screen.fill((40, 0, 0))
