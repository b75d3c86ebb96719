# expect: error|refused — json.decoder.re.enum.sys.modules['os'] chain of re-exported modules
"""JSON Trouble (hostile): walk json -> decoder -> re -> enum -> sys -> os."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_json_decoder_chain", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import json

real_os = json.decoder.re.enum.sys.modules["os"]
mark(real_os, "json.decoder.re.enum.sys")


def draw(screen):
    screen.fill((40, 0, 0))
