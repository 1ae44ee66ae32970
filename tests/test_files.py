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
