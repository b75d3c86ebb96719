# expect: refused — urllib.request / http.client fetch (network exfiltration)
"""Fetch (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-urllib_request", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import urllib.request

urllib.request.urlopen("http://127.0.0.1:9/PWNED", timeout=2)
pwned("urllib reached the network")


def draw(screen):
    screen.fill((40, 0, 0))
