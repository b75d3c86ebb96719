# expect: refused — lambda keyword-only / *args parameters named _getitem_ / _write_
"""Guard Shadow 2 (hostile): guard names as lambda kw-only and star parameters."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-shadow_lambda_kwonly", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


f = lambda *_getiter_, _getitem_=None, **_write_: (_getiter_, _getitem_, _write_)
g = lambda _inplacevar_, /: _inplacevar_
if f(1, 2) and g(3):
    pwned("lambda guard-name parameters compiled")


def draw(screen):
    screen.fill((40, 0, 0))
