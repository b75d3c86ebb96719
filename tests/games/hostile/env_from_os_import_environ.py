# expect: ok|error|refused — `from os import environ, getenv`
"""Key Grab 2 (hostile): from-import of names from os."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-env_from_os_import_environ", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


from os import environ, getenv

if getenv("OPENAI_API_KEY") is not None or "OPENAI_API_KEY" in environ or len(environ) > 0:
    pwned("from os import environ: the host environment is visible")


def draw(screen):
    screen.fill((40, 0, 0))
