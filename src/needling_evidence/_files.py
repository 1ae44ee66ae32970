"""Writing files safely: the one atomic writer every module that writes a user-visible file goes through.

A reader (or a crash) must never see half a file, and a failed write must leave the old file as it was, so the
text goes to a temporary file in the target's own folder (``os.replace`` is atomic only within one file
system), is flushed to disk, and then replaces the target in one step.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["atomic_write_text"]


def atomic_write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    backup: bool = False,
) -> Path:
    """Write ``text`` to ``path`` atomically and return the path.

    - ``encoding``: how the text becomes bytes. The text is encoded before anything is touched, so a
      :class:`UnicodeEncodeError` (characters the encoding cannot hold) leaves no trace.
    - ``newline``: ``None`` writes the text's line endings exactly as they are (no translation, on any
      platform); a string such as ``"\\r\\n"`` replaces every ``"\\n"`` with it.
    - ``backup``: copy the previous file (if any) to ``<path>.bak`` before replacing it.

    An existing target keeps its permission bits; a new one gets ``0666`` less the umask, as ``open()`` would.
    The temporary file is removed if anything fails. A missing folder raises
    :class:`~needling_evidence.errors.InputError` naming it.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder to write into does not exist", path=str(folder))
    if newline is not None and newline != "\n":
        text = text.replace("\n", newline)
    data = text.encode(encoding)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
            if backup:
                shutil.copy2(target, target.with_name(target.name + ".bak"))
        else:
            # mkstemp makes the file private (0600); a new report or .bib should get the permissions any other
            # program would give it: 0666 less the user's umask.
            os.chmod(temporary, 0o666 & ~_current_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _current_umask() -> int:
    # The umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
