"""atomic_write_text: the one atomic writer (temporary file in the same folder, fsync, os.replace)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence import _files
from needling_evidence._files import atomic_write_text


def _leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def test_writes_a_new_file_and_returns_its_path(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert atomic_write_text(target, "één\n") == target
    assert target.read_bytes() == "één\n".encode()
    assert _leftovers(tmp_path) == []


def test_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("a much longer first version\n" * 50, encoding="utf-8")
    atomic_write_text(target, "short\n")
    assert target.read_text(encoding="utf-8") == "short\n"
    assert _leftovers(tmp_path) == []


def test_line_endings_are_written_as_given_unless_a_newline_is_named(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "a\r\nb\nc")
    assert target.read_bytes() == b"a\r\nb\nc"
    atomic_write_text(target, "a\nb\n", newline="\r\n")
    assert target.read_bytes() == b"a\r\nb\r\n"


def test_encoding_is_used_and_an_unencodable_text_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "latin.bib"
    atomic_write_text(target, "Müller", encoding="latin-1")
    assert target.read_bytes() == b"M\xfcller"
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "Ωmega", encoding="latin-1")
    assert target.read_bytes() == b"M\xfcller"
    assert _leftovers(tmp_path) == []


def test_a_long_text_is_written_a_slice_at_a_time_as_if_encoded_whole(tmp_path: Path) -> None:
    # longer than the slice the writer encodes at a time, with line ends and non-Latin-1 characters astride
    # the slices' edges: the bytes are those of encoding the whole text at once (one byte-order mark)
    text = ("a\u2014b\nz" * 300_000)[:2_500_003] + "\U0001f600\n"
    for encoding, newline in (("utf-8", None), ("utf-16", None), ("utf-8", "\r\n"), ("utf-16-le", "\r\n")):
        target = tmp_path / f"long.{encoding}.txt"
        atomic_write_text(target, text, encoding=encoding, newline=newline)
        expected = text.replace("\n", newline) if newline else text
        assert target.read_bytes() == expected.encode(encoding)
    target = tmp_path / "empty.txt"
    atomic_write_text(target, "", encoding="utf-16")
    assert target.read_bytes() == "".encode("utf-16")


def test_a_character_the_encoding_cannot_hold_late_in_a_long_text_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "latin.txt"
    target.write_bytes(b"old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "x" * 3_000_000 + "\u03a9", encoding="latin-1")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_failed_replace_leaves_the_original_untouched_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("original\n", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(_files.os, "replace", fail)
    with pytest.raises(OSError, match="simulated"):
        atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "original\n"
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ne.InputError, match="does not exist") as caught:
        atomic_write_text(tmp_path / "no" / "out.txt", "x")
    assert caught.value.path == str(tmp_path / "no")


def test_backup_keeps_the_previous_file_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    backup = tmp_path / "refs.bib.bak"
    atomic_write_text(target, "one\n", backup=True)  # nothing to back up yet
    assert not backup.exists()
    atomic_write_text(target, "two\n")
    assert not backup.exists()
    atomic_write_text(target, "three\n", backup=True)
    assert backup.read_text(encoding="utf-8") == "two\n"
    assert target.read_text(encoding="utf-8") == "three\n"


def test_an_existing_files_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "script.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o604)
    atomic_write_text(target, "newer\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_a_new_file_gets_the_permissions_of_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        target = atomic_write_text(tmp_path / "new.txt", "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_second_backup_never_replaces_the_original(tmp_path: Path) -> None:
    # Two partial `refs fix --write` runs: the .bak must still hold the file as the user had it.
    target = tmp_path / "refs.bib"
    target.write_text("original\n", encoding="utf-8")
    atomic_write_text(target, "first run\n", backup=True)
    atomic_write_text(target, "second run\n", backup=True)
    assert (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == "original\n"
    assert (tmp_path / "refs.bib.bak.1").read_text(encoding="utf-8") == "first run\n"
    assert target.read_text(encoding="utf-8") == "second run\n"


def test_writing_through_a_symlink_updates_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "library" / "refs.bib"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    atomic_write_text(link, "new\n", backup=True)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert (real.parent / "refs.bib.bak").read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


def test_a_read_only_file_is_refused_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    target.write_text("keep me\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ne.InputError, match="read-only") as caught:
        atomic_write_text(target, "replaced\n")
    assert caught.value.path == str(target)
    assert target.read_text(encoding="utf-8") == "keep me\n"
    atomic_write_text(target, "replaced\n", force=True)
    assert target.read_text(encoding="utf-8") == "replaced\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_temporary_file_left_by_a_dead_process_is_removed_by_the_next_write(tmp_path: Path) -> None:
    import subprocess
    import sys

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead_pid = int(finished.stdout)
    stale = tmp_path / f".refs.bib.{dead_pid}.abc123.tmp"
    stale.write_bytes(b"half a file")
    ours = tmp_path / f".refs.bib.{os.getpid()}.inflight.tmp"  # a write of this process still under way
    ours.write_bytes(b"in flight")
    other = tmp_path / f".notes.txt.{dead_pid}.abc.tmp"  # another file's leftover is not ours to judge now
    other.write_bytes(b"x")
    atomic_write_text(tmp_path / "refs.bib", "whole\n")
    assert not stale.exists()
    assert ours.exists() and other.exists()
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == "whole\n"
