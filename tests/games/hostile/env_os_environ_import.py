# expect: ok|error|refused — `import os; os.environ['OPENAI_API_KEY']`
"""Key Grab (hostile): the direct route."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-env_os_environ_import", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import os

# The sandbox may offer a stand-in os module; the attack succeeds only if the
# host's secret is visible through it.
key = os.environ.get("OPENAI_API_KEY") or os.getenv("OPENAI_API_KEY")
if key is not None or len(os.environ) > 0:
    mark(os, "os.environ holds the host environment (%d names)" % len(os.environ))


def draw(screen):
    screen.fill((40, 0, 0))
