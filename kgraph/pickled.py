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


def load(path: Path, kind: type[Value]) -> Value | None:
    """The object pickled in `path` if it is a `kind`; None if it is not or cannot be read."""
    try:
        value = pickle.loads(path.read_bytes())
    except UNREADABLE:
        return None
    return value if isinstance(value, kind) else None
