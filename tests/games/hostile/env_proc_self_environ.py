# expect: error|refused — open('/proc/self/environ') and os.environ via import
"""Own Environ (hostile): the runner's own environment must hold no keys, and must not be readable."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-env_proc_self_environ", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


environ = open("/proc/self/environ", "rb").read()
pwned("read /proc/self/environ (%d bytes, key=%s)" % (len(environ), b"OPENAI_API_KEY" in environ))


def draw(screen):
    screen.fill((40, 0, 0))
