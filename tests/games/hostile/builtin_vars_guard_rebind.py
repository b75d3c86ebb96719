# expect: refused|error — vars() returns the module dict; rebinding its guard functions disables them
"""Guard Rebind (hostile): overwrite RestrictedPython-style guards stored in module globals."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-builtin_vars_guard_rebind", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


scope = vars()
for guard in ("_getattr_", "_getitem_", "_write_", "_getiter_", "_inplacevar_"):
    if guard in scope:
        scope[guard] = lambda *args: args[0] if args else None
        pwned("rebound " + guard)
pwned("vars() exposed the module dict")


def draw(screen):
    screen.fill((40, 0, 0))
