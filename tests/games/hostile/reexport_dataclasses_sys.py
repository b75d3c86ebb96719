# expect: error|refused — reaches sys (then os.environ) through dataclasses.sys
"""Dataclass Trouble (hostile): dataclasses.sys.modules['os'] to read the environment."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_dataclasses_sys", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses

real_sys = dataclasses.sys
real_os = real_sys.modules["os"]
key = real_os.environ.get("OPENAI_API_KEY", "")
mark(real_os, "dataclasses.sys -> os.environ, key=" + key[:6])


def draw(screen):
    screen.fill((40, 0, 0))
