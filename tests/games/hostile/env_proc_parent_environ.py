# expect: error|refused — open('/proc/<parent>/environ') looking for OPENAI_API_KEY
"""Parent Environ (hostile): find the parent pid in /proc/self/stat, read its environ."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-env_proc_parent_environ", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


stat = open("/proc/self/stat").read()
ppid = stat.rsplit(")", 1)[1].split()[1]
environ = open("/proc/" + ppid + "/environ", "rb").read()
if b"OPENAI_API_KEY" in environ:
    pwned("read OPENAI_API_KEY from the parent's environ")
if environ:
    pwned("read the parent's environ")


def draw(screen):
    screen.fill((40, 0, 0))
