"""Plain-Python attacks for `python -m sandbox.raw_probe`: the OS layers must stop every one.

The test fills in TARGETS before running this file. Nothing here goes through the
Python sandbox: real os, ctypes, socket and threading. Each attack prints
"BREACH: <what>" if it got through, else a line saying it was stopped. Every attack
runs in the main thread, in a second thread, in a C callback (ctypes qsort) and in
SDL's audio thread (SDL_mixer's post-mix callback). Payloads aim only at the test's
own files and processes: a bystander pid the test started, never -1 or a group.
"""

import ctypes
import ctypes.util
import glob
import os
import signal
import socket
import threading
import time

TARGETS = {}  # filled in by the test: paths, ports, pids
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def breach(what):
    print(f"BREACH: {what}", flush=True)


def stopped(what, error=""):
    print(f"stopped: {what} ({error})", flush=True)


def attempt(what, action):
    try:
        result = action()
    except BaseException as error:  # every refusal counts as stopped
        stopped(what, f"{type(error).__name__}: {error}")
        return
    if result is False:
        stopped(what, "refused")
    else:
        breach(f"{what} -> {str(result)[:80]}")


def read_file(path):
    with open(path, "rb") as handle:
        return handle.read(64)


def libc_read(path):
    fd = libc.open(path.encode(), os.O_RDONLY)
    if fd < 0:
        return False
    data = ctypes.create_string_buffer(64)
    count = libc.read(fd, data, 64)
    return data.raw[:count] if count > 0 else False


def create_file(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, b"BREACH")
    os.close(fd)
    return path


def connect_tcp(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
        connection.sendall(b"BREACH tcp")
    return port


def send_udp(port):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        sender.sendto(b"BREACH udp", ("127.0.0.1", port))
    return port


def connect_unix(address):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(1)
        connection.connect(address)
        connection.sendall(b"BREACH unix")
    return address


def raw_socket():
    fd = libc.syscall(41, socket.AF_INET, socket.SOCK_STREAM, 0)  # x86_64 socket(2)
    return fd if fd >= 0 else False


def route_a_signal(pid):
    """F_SETOWN + F_SETSIG + O_ASYNC: a write makes the kernel signal `pid`."""
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(read_end, fcntl.F_SETOWN, pid)
    fcntl.fcntl(read_end, 10, signal.SIGKILL)  # F_SETSIG
    fcntl.fcntl(read_end, fcntl.F_SETFL, os.O_ASYNC | os.O_NONBLOCK)
    os.write(write_end, b"x")
    return pid


def ioctl_owner(pid):
    import fcntl
    import struct

    read_end, _write_end = os.pipe()
    fcntl.ioctl(read_end, 0x8901, struct.pack("i", pid))  # FIOSETOWN
    return pid


def kill(pid):
    os.kill(pid, signal.SIGKILL)
    return pid


def libc_kill(pid):
    return pid if libc.kill(pid, signal.SIGKILL) == 0 else False


def pidfd_kill(pid):
    pidfd = libc.syscall(434, pid, 0)  # pidfd_open
    if pidfd < 0:
        return False
    return pid if libc.syscall(424, pidfd, signal.SIGKILL, None, 0) == 0 else False  # pidfd_send_signal


def spawn_shell():
    os.execv("/bin/sh", ["sh", "-c", f"echo BREACH > {TARGETS['writable_dir']}/exec"])


def posix_spawn():
    return os.posix_spawn("/bin/sh", ["sh", "-c", "true"], {})


def orphan():
    """A child that renames itself and sleeps: the test looks for it after the runner ends."""
    pid = os.fork()
    if pid == 0:
        libc.prctl(15, b"minigame-orphan", 0, 0, 0)  # PR_SET_NAME
        time.sleep(30)
        os._exit(0)
    return pid


def raw_clone():
    pid = libc.syscall(56, signal.SIGCHLD, 0, 0, 0, 0)  # clone(SIGCHLD): a plain fork
    if pid == 0:
        libc.prctl(15, b"minigame-orphan", 0, 0, 0)
        time.sleep(30)
        os._exit(0)
    return pid if pid > 0 else False


def shm_file():
    path = f"/dev/shm/minigame-probe-{os.getpid()}"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.ftruncate(fd, 20 * 1024 * 1024)
    return path


def shm_link():
    os.symlink("/proc/self/fd/0", f"/dev/shm/minigame-probe-link-{os.getpid()}")
    return "symlink"


def proc_status():
    return read_file("/proc/thread-self/status")


def every_attack():
    targets = TARGETS
    for path in targets["secrets"]:
        attempt(f"read {path}", lambda path=path: read_file(path))
        attempt(f"libc read {path}", lambda path=path: libc_read(path))
    attempt("read /etc/passwd", lambda: read_file("/etc/passwd"))
    attempt("read /proc/thread-self/status", proc_status)
    for folder in (targets["writable_dir"], targets["home"], "/tmp", "/"):
        attempt(f"create a file in {folder}", lambda folder=folder: create_file(f"{folder}/probe-{threading.get_ident()}"))
    attempt("hard link over .bashrc", lambda: os.link("/proc/self/exe", f"{targets['home']}/.bashrc"))
    attempt("tcp", lambda: connect_tcp(targets["tcp_port"]))
    attempt("udp", lambda: send_udp(targets["udp_port"]))
    attempt("unix socket", lambda: connect_unix(targets["unix_path"]))
    attempt("abstract unix socket", lambda: connect_unix("\0" + targets["abstract_name"]))
    attempt("socket syscall", raw_socket)
    bystander = targets["bystander_pid"]
    attempt("kill the bystander", lambda: kill(bystander))
    attempt("libc kill the bystander", lambda: libc_kill(bystander))
    attempt("pidfd kill the bystander", lambda: pidfd_kill(bystander))
    attempt("F_SETOWN+F_SETSIG to the bystander", lambda: route_a_signal(bystander))
    attempt("FIOSETOWN to the bystander", lambda: ioctl_owner(bystander))
    attempt("exec a shell", spawn_shell)
    attempt("posix_spawn", posix_spawn)
    attempt("fork an orphan", orphan)
    attempt("clone an orphan", raw_clone)
    attempt("a file in /dev/shm", shm_file)
    attempt("a symlink in /dev/shm", shm_link)


def in_a_thread():
    worker = threading.Thread(target=every_attack)
    worker.start()
    worker.join()


def in_a_c_callback():
    compare = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
    called = []

    def callback(_a, _b):
        if not called:
            called.append(True)
            every_attack()
        return 0

    keeper = compare(callback)
    items = (ctypes.c_int * 2)(2, 1)
    libc.qsort(items, 2, ctypes.sizeof(ctypes.c_int), keeper)


def in_the_audio_thread():
    """SDL_mixer's post-mix callback runs in SDL's audio thread, which SDL started itself."""
    import pygame

    pygame.mixer.init()
    libraries = glob.glob(os.path.join(os.path.dirname(pygame.__file__), "..", "pygame.libs", "libSDL2_mixer*"))
    libraries += glob.glob(os.path.join(os.path.dirname(pygame.__file__), "libSDL2_mixer*"))
    if not libraries:
        print("no SDL_mixer library found", flush=True)
        return
    mixer = ctypes.CDLL(libraries[0])
    post_mix = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    done = threading.Event()

    def callback(_udata, _stream, _length):
        if not done.is_set():
            print(f"audio thread {threading.get_native_id()} (main {os.getpid()})", flush=True)
            every_attack()
            done.set()

    keeper = post_mix(callback)
    mixer.Mix_SetPostMix(keeper, None)
    if not done.wait(10):
        print("the audio callback never ran", flush=True)
    mixer.Mix_SetPostMix(None, None)


print("main thread", flush=True)
every_attack()
print("second thread", flush=True)
in_a_thread()
print("C callback", flush=True)
in_a_c_callback()
print("audio thread", flush=True)
in_the_audio_thread()
print("PROBE DONE", flush=True)
