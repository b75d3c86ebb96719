# expect: error|refused — a socket through a module some allowed module imported (sys.modules['socket'])
"""Phone Home 2 (hostile): no `import socket`; find it in sys.modules through a re-export."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-socket_via_pygame_reexport", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import json

modules = json.decoder.re.enum.sys.modules
sock_mod = modules.get("socket")
if sock_mod is None:
    sock_mod = modules["importlib"].import_module("socket")
port = int(modules["os"].environ.get("PWN_PORT", "9"))
conn = sock_mod.create_connection(("127.0.0.1", port), timeout=2)
conn.sendall(b"PWNED socket_via_pygame_reexport\n")
pwned("socket via re-export connected")


def draw(screen):
    screen.fill((40, 0, 0))
