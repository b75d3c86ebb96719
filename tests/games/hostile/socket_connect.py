# expect: refused — import socket; connect to 127.0.0.1:$PWN_PORT (or 9) and send PWNED
"""Phone Home (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-socket_connect", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import os
import socket

port = int(os.environ.get("PWN_PORT", "9"))
with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
    conn.sendall(b"PWNED socket_connect\n")
pwned("socket connected")


def draw(screen):
    screen.fill((40, 0, 0))
