# expect: refused — identifiers are NFKC-normalised: ().__ｃｌａｓｓ__ and _＿base＿＿ (fullwidth letters / low line) are __class__ and __base__
"""Unicode Names (hostile): identifiers are NFKC-normalised, so a text scan for '__' misses these."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-unicode_underscore_names", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


subclasses = ().__ｃｌａｓｓ__._＿base＿＿.__ｓｕｂｃｌａｓｓｅｓ__()
pwned("NFKC underscore bypass: %d classes" % len(subclasses))


def draw(screen):
    screen.fill((40, 0, 0))
