"""Tests for the shared-memory frame layout: round trips, torn frames, hostile headers."""

import mmap
import os
import struct
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.frames import (
    FRAME_HEADER_SIZE,
    FRAME_LAYOUT_VERSION,
    FRAME_MAGIC,
    MAX_HEIGHT,
    MAX_WIDTH,
    Frame,
    FrameReader,
    FrameWriter,
    create_frame_memory,
    open_frame_memory,
    region_size,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
HEADER = struct.Struct("<4sIQQIIQQ")


@pytest.fixture
def frame_memory() -> Iterator[tuple[int, mmap.mmap]]:
    fd, mm = create_frame_memory(64, 48)
    yield fd, mm
    mm.close()
    os.close(fd)


def colour_for(number: int) -> bytes:
    """A B,G,R,X pixel that differs between neighbouring frame numbers."""
    return bytes([number & 0xFF, (number >> 8) & 0xFF, (number * 37) & 0xFF, 0xFF])


def test_region_size_counts_header_and_pixels() -> None:
    assert region_size(2, 3) == FRAME_HEADER_SIZE + 2 * 3 * 4
    with pytest.raises(ValueError):
        region_size(MAX_WIDTH + 1, 10)
    with pytest.raises(ValueError):
        region_size(10, 0)


def test_new_memory_has_a_valid_empty_header(frame_memory: tuple[int, mmap.mmap]) -> None:
    _fd, mm = frame_memory
    magic, version, seq, number, width, height, beat, capacity = HEADER.unpack_from(mm, 0)
    assert (magic, version) == (FRAME_MAGIC, FRAME_LAYOUT_VERSION)
    assert (seq, number, width, height, beat) == (0, 0, 0, 0, 0)
    assert capacity == 64 * 48 * 4 == len(mm) - FRAME_HEADER_SIZE
    assert FrameReader(mm).read() is None  # no frame yet


def test_memfd_is_close_on_exec_and_cannot_be_resized(
    frame_memory: tuple[int, mmap.mmap],
) -> None:
    fd, mm = frame_memory
    assert not os.get_inheritable(fd)
    with pytest.raises(PermissionError):
        os.ftruncate(fd, FRAME_HEADER_SIZE)  # a runner shrinking it would SIGBUS the host
    with pytest.raises(PermissionError):
        os.ftruncate(fd, len(mm) * 2)


def test_round_trip_through_a_real_memfd(frame_memory: tuple[int, mmap.mmap]) -> None:
    fd, host_mm = frame_memory
    runner_mm = open_frame_memory(fd)  # a second mapping, as the runner has
    try:
        writer = FrameWriter(runner_mm)
        reader = FrameReader(host_mm)

        writer.begin()
        view = writer.pixels(3, 2)
        view[:] = colour_for(1) * 6
        view.release()
        writer.commit(3, 2)

        frame = reader.read()
        assert frame == Frame(number=1, width=3, height=2, pixels=colour_for(1) * 6)
        assert reader.frame_number() == writer.frame_number == 1
        assert reader.read(previous_number=1) is None

        writer.publish(64, 48, colour_for(2) * (64 * 48))
        frame = reader.read(previous_number=1)
        assert frame is not None
        assert (frame.number, frame.width, frame.height) == (2, 64, 48)
        assert frame.pixels == colour_for(2) * (64 * 48)
    finally:
        runner_mm.close()


def test_heartbeat_counts_beats(frame_memory: tuple[int, mmap.mmap]) -> None:
    _fd, mm = frame_memory
    writer, reader = FrameWriter(mm), FrameReader(mm)
    before = reader.heartbeat()
    for _ in range(5):
        writer.beat()
    assert reader.heartbeat() == before + 5


def test_reader_sees_nothing_while_a_write_is_in_progress(
    frame_memory: tuple[int, mmap.mmap],
) -> None:
    _fd, mm = frame_memory
    writer, reader = FrameWriter(mm), FrameReader(mm)
    writer.publish(2, 2, colour_for(1) * 4)
    writer.begin()
    assert reader.read() is None
    writer.commit(2, 2)
    frame = reader.read()
    assert frame is not None and frame.number == 2


def test_sizes_over_capacity_are_rejected(frame_memory: tuple[int, mmap.mmap]) -> None:
    _fd, mm = frame_memory
    writer = FrameWriter(mm)
    with pytest.raises(ValueError):
        writer.pixels(65, 48)
    with pytest.raises(ValueError):
        writer.pixels(MAX_WIDTH + 1, 1)
    with pytest.raises(ValueError):
        writer.pixels(0, 1)
    writer.begin()
    with pytest.raises(ValueError):
        writer.commit(64, 49)
    with pytest.raises(ValueError):
        writer.publish(2, 2, b"\x00" * 15)


def test_commit_without_begin_is_a_bug(frame_memory: tuple[int, mmap.mmap]) -> None:
    _fd, mm = frame_memory
    with pytest.raises(RuntimeError):
        FrameWriter(mm).commit(1, 1)


def test_reader_rejects_a_header_claiming_more_than_its_mapping(
    frame_memory: tuple[int, mmap.mmap],
) -> None:
    _fd, mm = frame_memory
    FrameWriter(mm).publish(4, 4, b"\x01" * 64)
    reader = FrameReader(mm)
    assert reader.read() is not None
    # A hostile runner claims a larger frame and a larger capacity than the host mapped.
    struct.pack_into("<II", mm, 24, 64, 49)
    assert reader.read() is None
    struct.pack_into("<IIQQ", mm, 24, 64, 49, 0, 64 * 49 * 4)
    assert reader.read() is None
    mm[0:4] = b"EVIL"
    assert reader.read() is None


def test_writer_recovers_from_a_crashed_writers_odd_seq(
    frame_memory: tuple[int, mmap.mmap],
) -> None:
    _fd, mm = frame_memory
    FrameWriter(mm).begin()  # this writer "crashes" mid-frame
    writer = FrameWriter(mm)
    writer.publish(1, 1, b"\x02\x03\x04\xff")
    assert FrameReader(mm).read() == Frame(1, 1, 1, b"\x02\x03\x04\xff")


header_fields = st.tuples(
    st.one_of(st.just(FRAME_MAGIC), st.binary(min_size=4, max_size=4)),
    st.one_of(st.just(FRAME_LAYOUT_VERSION), st.integers(0, 2**32 - 1)),
    st.integers(0, 2**64 - 1),  # seq
    st.integers(0, 2**64 - 1),  # frame_number
    st.one_of(st.integers(0, 80), st.integers(0, 2**32 - 1)),  # width
    st.one_of(st.integers(0, 80), st.integers(0, 2**32 - 1)),  # height
    st.integers(0, 2**64 - 1),  # heartbeat
    st.one_of(st.just(64 * 48 * 4), st.integers(0, 2**64 - 1)),  # capacity
)


@settings(
    deadline=None, max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    header=st.one_of(
        st.binary(min_size=FRAME_HEADER_SIZE, max_size=FRAME_HEADER_SIZE),
        header_fields.map(lambda fields: HEADER.pack(*fields).ljust(FRAME_HEADER_SIZE, b"\0")),
    ),
    previous=st.integers(-1, 2**64),
)
def test_random_headers_never_crash_the_reader(
    frame_memory: tuple[int, mmap.mmap], header: bytes, previous: int
) -> None:
    _fd, mm = frame_memory
    mm[:FRAME_HEADER_SIZE] = header
    reader = FrameReader(mm)
    reader.heartbeat()
    reader.frame_number()
    frame = reader.read(previous)
    if frame is not None:
        assert 1 <= frame.width <= MAX_WIDTH and 1 <= frame.height <= MAX_HEIGHT
        assert len(frame.pixels) == frame.width * frame.height * 4 <= len(mm) - FRAME_HEADER_SIZE
        assert frame.number > previous


CHILD_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from sandbox.frames import FrameWriter, open_frame_memory

    fd, count = int(sys.argv[1]), int(sys.argv[2])
    mm = open_frame_memory(fd)
    os.close(fd)
    writer = FrameWriter(mm)
    for number in range(1, count + 1):
        # Sizes change with the number too, so a header torn from its pixels shows.
        width, height = 64 + number % 61, 32 + number % 29
        colour = bytes([number & 0xFF, (number >> 8) & 0xFF, (number * 37) & 0xFF, 0xFF])
        writer.publish(width, height, colour * (width * height))
        writer.beat()
        if number % 10 == 0:
            time.sleep(0.0005)  # give the reader windows between writes
    mm.close()
    """
)


def test_concurrent_writer_process_never_yields_a_torn_frame() -> None:
    frame_count = 500
    fd, mm = create_frame_memory(128, 64)
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_WRITER, str(fd), str(frame_count)],
            pass_fds=(fd,),
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        )
        os.close(fd)
        fd = -1
        reader = FrameReader(mm)
        seen: list[Frame] = []
        last = -1

        def take() -> None:
            nonlocal last
            frame = reader.read(last)
            if frame is not None:
                seen.append(frame)
                last = frame.number

        while child.poll() is None:
            take()
        take()
        assert child.returncode == 0
    finally:
        if fd >= 0:
            os.close(fd)

    assert last == frame_count
    for frame in seen:
        width, height = 64 + frame.number % 61, 32 + frame.number % 29
        assert (frame.width, frame.height) == (width, height), frame.number
        assert frame.pixels == colour_for(frame.number) * (width * height), frame.number
    numbers = [frame.number for frame in seen]
    assert numbers == sorted(set(numbers))
    mm.close()
