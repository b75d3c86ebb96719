# expect: error|refused — type(()).mro()[-1] and vars(type)['__subclasses__'](object) with no dunder attribute in source
"""Subclass Walk 2 (hostile): only calls and string keys, no dunder attribute syntax."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-subclasses_via_type_mro", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


base = type(()).mro()[-1]
subclasses = vars(type)["__subclasses__"](base)
for cls in subclasses:
    if str(cls) == "<class 'subprocess.Popen'>":
        cls(["touch", "/tmp/minigame-pwned-subclasses_via_type_mro"]).wait()
pwned("object subclasses reached: %d" % len(subclasses))


def draw(screen):
    screen.fill((40, 0, 0))
