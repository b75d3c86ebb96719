"""The shared-memory frame layout: a writer for the runner and a reader for the host.

Frames travel in an anonymous memfd created by the host (nothing named in /dev/shm).
Layout: a 64-byte little-endian header, then the pixel area.

    offset  size  field
         0     4  magic b"MGFR"
         4     4  layout version (u32)
         8     8  seq (u64): a seqlock, odd while the writer is mid-frame
        16     8  frame_number (u64): 0 until the first frame is committed
        24     4  width (u32)
        28     4  height (u32)
        32     8  heartbeat (u64): bumped by the runner's loop; the watchdog polls it
        40     8  capacity (u64): bytes in the pixel area
        48    16  reserved (zero)

Pixels are 32 bits each, rows tightly packed (stride = width * 4), bytes B,G,R,X in
memory: pygame's 32-bit XRGB8888 surface bytes on little-endian, and Qt's
``QImage.Format_RGB32``.

The runner runs untrusted code and can write anything into this memory, so the reader
checks every header field against the size it mapped itself; the memfd is sealed
against resizing so the runner cannot shrink it under the host's mapping (which would
turn the host's next read into SIGBUS). This module never imports pygame.
"""

import fcntl
import mmap
import os
import struct
from dataclasses import dataclass

FRAME_HEADER_SIZE = 64
FRAME_MAGIC = b"MGFR"
FRAME_LAYOUT_VERSION = 1
BYTES_PER_PIXEL = 4
MAX_WIDTH = 4096
MAX_HEIGHT = 4096

_HEADER = struct.Struct("<4sIQQIIQQ")  # magic, version, seq, number, w, h, heartbeat, capacity
_IDENTITY = struct.Struct("<4sI")
_U64 = struct.Struct("<Q")
_NUMBER_AND_SIZE = struct.Struct("<QII")  # frame_number, width, height: one store
_SEQ_OFFSET = 8
_NUMBER_OFFSET = 16
_HEARTBEAT_OFFSET = 32
_READ_ATTEMPTS = 3


def region_size(max_width: int, max_height: int) -> int:
    """Bytes needed for the header plus the largest frame of the given size."""
    _check_size(max_width, max_height)
    return FRAME_HEADER_SIZE + max_width * max_height * BYTES_PER_PIXEL


def _check_size(width: int, height: int) -> None:
    if not (1 <= width <= MAX_WIDTH and 1 <= height <= MAX_HEIGHT):
        raise ValueError(f"frame size {width}x{height} outside 1x1..{MAX_WIDTH}x{MAX_HEIGHT}")


def create_frame_memory(max_width: int = 1920, max_height: int = 1200) -> tuple[int, mmap.mmap]:
    """Host side: an anonymous, size-sealed memfd holding an empty frame region.

    Returns the fd (close-on-exec: hand it to the runner with ``subprocess``'s
    ``pass_fds``, then close it) and the host's shared mapping of it.
    """
    size = region_size(max_width, max_height)
    fd = os.memfd_create("minigame-frames", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    try:
        os.ftruncate(fd, size)
        # Seal the size: the runner gets this fd, and a shrink would make every host
        # access past the new end a SIGBUS. F_SEAL_SEAL stops it undoing the seals.
        fcntl.fcntl(
            fd, fcntl.F_ADD_SEALS, fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SEAL
        )
        mm = mmap.mmap(fd, size)
    except BaseException:
        os.close(fd)
        raise
    _HEADER.pack_into(
        mm, 0, FRAME_MAGIC, FRAME_LAYOUT_VERSION, 0, 0, 0, 0, 0, size - FRAME_HEADER_SIZE
    )
    return fd, mm


def open_frame_memory(fd: int) -> mmap.mmap:
    """Runner side: map the whole region behind an inherited fd (the fd may be closed after)."""
    size = os.fstat(fd).st_size
    if size < FRAME_HEADER_SIZE:
        raise ValueError("frame memory is smaller than its header")
    return mmap.mmap(fd, size)


@dataclass(frozen=True, slots=True)
class Frame:
    """One complete frame copied out of shared memory (B,G,R,X bytes, stride width*4)."""

    number: int
    width: int
    height: int
    pixels: bytes


class FrameWriter:
    """Runner side: publishes frames and heartbeats into the shared region.

    Usage per frame: ``begin()``, fill ``pixels(w, h)``, ``commit(w, h)``. The writer
    keeps its own copies of seq, frame number and heartbeat, so each update is a single
    store and nothing it does depends on what the reader (or a bug) left in the header.
    """

    def __init__(self, mm: mmap.mmap) -> None:
        if len(mm) < FRAME_HEADER_SIZE:
            raise ValueError("frame memory is smaller than its header")
        magic, version, seq, number, _w, _h, heartbeat, capacity = _HEADER.unpack_from(mm, 0)
        if magic != FRAME_MAGIC or version != FRAME_LAYOUT_VERSION:
            raise ValueError("frame memory has no valid header")
        if capacity != len(mm) - FRAME_HEADER_SIZE:
            raise ValueError("frame memory capacity does not match its size")
        self._mm = mm
        self._capacity = capacity
        # An odd seq left by a crashed writer would hide every future frame: round up.
        self._seq = seq + (seq & 1)
        self._frame_number = number
        self._heartbeat = heartbeat
        _U64.pack_into(mm, _SEQ_OFFSET, self._seq)

    @property
    def capacity(self) -> int:
        """Bytes available for pixels."""
        return self._capacity

    @property
    def frame_number(self) -> int:
        """Number of the last committed frame (0 before the first)."""
        return self._frame_number

    def pixels(self, width: int, height: int) -> memoryview:
        """A writable view of exactly width*height*4 bytes at the start of the pixel area.

        Release the view (or let it go out of scope) before closing the mmap.
        """
        _check_size(width, height)
        size = width * height * BYTES_PER_PIXEL
        if size > self._capacity:
            raise ValueError(
                f"{width}x{height} frame needs {size} bytes, capacity is {self._capacity}"
            )
        return memoryview(self._mm)[FRAME_HEADER_SIZE : FRAME_HEADER_SIZE + size]

    def begin(self) -> None:
        """Mark a write in progress (seq odd) so readers discard what they copy meanwhile."""
        if self._seq & 1:
            return  # already writing: begin() twice is harmless
        self._seq += 1
        _U64.pack_into(self._mm, _SEQ_OFFSET, self._seq)

    def commit(self, width: int, height: int) -> None:
        """Publish the pixels written since ``begin()`` as the next frame (seq even again)."""
        if not self._seq & 1:
            raise RuntimeError("commit() without begin()")
        _check_size(width, height)
        if width * height * BYTES_PER_PIXEL > self._capacity:
            raise ValueError(f"{width}x{height} frame exceeds capacity {self._capacity}")
        self._frame_number += 1
        _NUMBER_AND_SIZE.pack_into(self._mm, _NUMBER_OFFSET, self._frame_number, width, height)
        self._seq += 1
        _U64.pack_into(self._mm, _SEQ_OFFSET, self._seq)

    def publish(self, width: int, height: int, data: bytes | bytearray | memoryview) -> None:
        """Copy a whole frame (width*height*4 bytes, B,G,R,X) and commit it."""
        view = self.pixels(width, height)
        with view:
            if len(data) != len(view):
                raise ValueError(f"expected {len(view)} bytes of pixels, got {len(data)}")
            self.begin()
            view[:] = data
        self.commit(width, height)

    def beat(self) -> None:
        """Tell the host's watchdog the runner is alive (one store)."""
        self._heartbeat += 1
        _U64.pack_into(self._mm, _HEARTBEAT_OFFSET, self._heartbeat)


class FrameReader:
    """Host side: copies out consistent frames, trusting nothing in the header."""

    def __init__(self, mm: mmap.mmap) -> None:
        if len(mm) < FRAME_HEADER_SIZE:
            raise ValueError("frame memory is smaller than its header")
        self._mm = mm
        # Our own mapping size, not the header's claim, bounds every copy.
        self._capacity = len(mm) - FRAME_HEADER_SIZE

    def heartbeat(self) -> int:
        """The runner's heartbeat counter (any value: only its changes matter)."""
        return _U64.unpack_from(self._mm, _HEARTBEAT_OFFSET)[0]

    def frame_number(self) -> int:
        """The header's current frame number, for cheap polling (not validated)."""
        return _U64.unpack_from(self._mm, _NUMBER_OFFSET)[0]

    def read(self, previous_number: int = -1) -> Frame | None:
        """The current frame if it is newer than ``previous_number``, else None.

        Also None when the header is invalid or a write stays in progress over three
        attempts; the caller simply polls again later.
        """
        mm = self._mm
        for _attempt in range(_READ_ATTEMPTS):
            magic, version, seq, number, width, height, _beat, capacity = _HEADER.unpack_from(mm, 0)
            if magic != FRAME_MAGIC or version != FRAME_LAYOUT_VERSION:
                return None
            if seq & 1:
                continue  # mid-write
            if number <= previous_number:
                return None
            if not (1 <= width <= MAX_WIDTH and 1 <= height <= MAX_HEIGHT):
                return None
            size = width * height * BYTES_PER_PIXEL
            if capacity != self._capacity or size > self._capacity:
                return None
            pixels = mm[FRAME_HEADER_SIZE : FRAME_HEADER_SIZE + size]
            # Seqlock: the copy is consistent only if no write began or ended during it.
            # CPython issues no memory barriers; x86 keeps stores and loads in order,
            # and on weaker CPUs the worst case is a torn image, never a bad size.
            if _U64.unpack_from(mm, _SEQ_OFFSET)[0] == seq:
                return Frame(number, width, height, pixels)
        return None
