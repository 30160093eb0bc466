"""Reading back what kgraph pickled into its caches: whatever cannot be read (missing, torn,
written by another version) is a miss, and the work is redone."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path
from typing import TypeVar

Value = TypeVar("Value")

UNREADABLE = (
    OSError,
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
    IndexError,
    struct.error,
    OverflowError,  # bytes that claim a length past the machine's (`BYTEARRAY8 exceeds ...`)
    MemoryError,  # or one it cannot allocate
)


def unpickled(data: bytes | memoryview, kind: type[Value]) -> Value:
    """The object pickled first in `data` (`pickle.loads` stops at its end); TypeError if it is
    not a `kind` (bytes some other code pickled)."""
    value = pickle.loads(data)
    if not isinstance(value, kind):
        raise TypeError(f"not a {kind.__name__}: {type(value).__name__}")
    return value


def load(path: Path, kind: type[Value]) -> Value | None:
    """The object pickled in `path` if it is a `kind`; None if it is not or cannot be read."""
    try:
        return unpickled(path.read_bytes(), kind)
    except UNREADABLE:  # (TypeError among them)
        return None
