"""Writing files safely: the one atomic writer every module that writes a user-visible file goes through.

A reader (or a crash) must never see half a file, and a failed write must leave the old file as it was, so the
text goes to a temporary file in the target's own folder (``os.replace`` is atomic only within one file
system), is flushed to disk, and then replaces the target in one step.

What the user has is never lost or silently changed by a write:

- a symbolic link is written through: its target file is updated and the link stays a link (replacing the link
  by a plain file would leave the real file unchanged while the command reported success);
- a read-only file is refused (:class:`~needling_evidence.errors.InputError`) unless ``force=True``;
- ``backup=True`` keeps the file as the user had it: the first backup is ``<name>.bak``, and an
  existing ``.bak`` is never replaced (a second run would otherwise overwrite the original with the first
  run's output); later backups go to ``<name>.bak.1``, ``<name>.bak.2`` …;
- temporary files carry the writer's process id (``.<name>.<pid>.<random>.tmp``); they are removed on every
  exit the process survives, and one left by a process that no longer runs (killed mid-write) is removed by
  the next write into the same folder.
"""

from __future__ import annotations

import codecs
import glob
import os
import shutil
import stat
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["atomic_write_text", "backup_path", "written_file"]

_SLICE = 1 << 20  # characters encoded at a time


def atomic_write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    backup: bool = False,
    force: bool = False,
) -> Path:
    """Write ``text`` to ``path`` atomically and return the path.

    - ``encoding``: how the text becomes bytes. It is encoded a slice at a time as it is written to the
      temporary file (a whole encoded copy of a 64 MB report would be another 64 MB at once); a
      :class:`UnicodeEncodeError` (characters the encoding cannot hold) leaves no trace: the temporary file
      is removed and the target left as it was.
    - ``newline``: ``None`` writes the text's line endings exactly as they are (no translation, on any
      platform); a string such as ``"\\r\\n"`` replaces every ``"\\n"`` with it.
    - ``backup``: keep the previous file (if any) as a backup before replacing it (see :func:`backup_path`).
    - ``force``: replace a file even when it is read-only.

    An existing target keeps its permission bits; a new one gets ``0666`` less the umask, as ``open()`` would.
    A symbolic link is written through to the file it points to. The temporary file is removed if anything
    fails. A missing folder or a read-only file (without ``force``) raises
    :class:`~needling_evidence.errors.InputError` naming it.
    """
    target = written_file(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder to write into does not exist", path=str(folder))
    if target.exists() and not force and not _writable(target):
        raise InputError(
            "the file is read-only; make it writable (chmod u+w) to let it be replaced", path=str(target)
        )
    ending = "\n" if newline is None else newline
    encoder = codecs.getincrementalencoder(encoding)()  # a byte-order mark, if any, once at the start
    _remove_stale_temporaries(folder, target.name)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            for at in range(0, len(text), _SLICE):
                piece = text[at : at + _SLICE]
                stream.write(encoder.encode(piece.replace("\n", ending) if ending != "\n" else piece))
            stream.write(encoder.encode("", final=True))
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
            if backup:
                shutil.copy2(target, backup_path(target))
        else:
            # mkstemp makes the file private (0600); a new report or .bib should get the permissions any other
            # program would give it: 0666 less the user's umask.
            os.chmod(temporary, 0o666 & ~_current_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def written_file(path: Path) -> Path:
    """The file a write to ``path`` changes: a symbolic link is written through to the file it points to
    (``os.replace`` on the link itself would swap it for a plain file and leave the real one unchanged)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def backup_path(target: Path) -> Path:
    """Where a backup of ``target`` goes: ``<name>.bak`` when there is none yet — so ``.bak`` always holds the
    file as the user had it before the first change — else the first free ``<name>.bak.N``."""
    first = target.with_name(target.name + ".bak")
    if not first.exists():
        return first
    n = 1
    while (candidate := target.with_name(f"{target.name}.bak.{n}")).exists():
        n += 1
    return candidate


def _writable(target: Path) -> bool:
    # The permission bits, not os.access: root may write anything, yet a file its owner made read-only is a
    # file the owner asked not to be changed.
    return bool(target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove ``.<name>.<pid>.<random>.tmp`` files whose writing process no longer runs (a write killed with
    SIGKILL, or a power cut, leaves one behind; no ``finally`` runs then)."""
    for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
        pid_text = leftover.name[len(name) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and not _process_runs(int(pid_text)):
            leftover.unlink(missing_ok=True)


def _process_runs(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    except OSError:
        return True  # cannot tell: keep the file
    return True


def _current_umask() -> int:
    # The umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
