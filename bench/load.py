"""Training-load import benchmark: our full import against bare parsing of the same files.

Two inputs, each timed in this one run:
  corpus  - every activity file in ../shared/data/activities (FIT, GPX, TCX)
  export  - a synthetic Garmin-style export zip of N files (default 3,000) built in a temp
            dir from the corpus files up to 100 kB (a typical watch recording; the corpus
            row covers the multi-MB ones): a nested UploadedFiles zip plus Strava-style .fit.gz and
            GPX/TCX, each copy made distinct (FIT: file_id serial number rewritten and the
            file CRC recomputed; XML: a comment appended) so the importer cannot skip it
            by content hash
For each: the bare parse (fitdecode iterating every frame of each FIT file, lxml recover
parse of each GPX/TCX, bytes already in memory, no zip, no gzip, no hashing), our whole
`import_paths` (zip and gzip expansion, hashing, reading, sessions, de-duplication), the
ratio of the two, files/s, MB/s, peak memory (max RSS of a fresh spawned process doing only that
step), and re-import of the unchanged input with the known hashes.
Run: .venv/bin/python bench/load.py [--files 3000] [--skip-export]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import multiprocessing as mp
import resource
import struct
import sys
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "activities"
KINDS = (".fit", ".gpx", ".tcx", ".fit.gz")


def activity_files(folder: Path) -> list[Path]:
    """Return the activity files under `folder` (FIT, GPX, TCX, .fit.gz), sorted."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.name.lower().endswith(KINDS))


def _payload(name: str, data: bytes) -> tuple[str, bytes]:
    """Return (format, bytes as a reader sees them: un-gzipped)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower, data = lower[:-3], gzip.decompress(data)
    return lower.rsplit(".", 1)[-1], data


def bare_parse(items: list[tuple[str, bytes]], lean: bool = False) -> int:
    """Parse each (format, bytes) with no importer around it; returns the frames/elements seen.

    `lean` decodes FIT with the importer's processor (the same conversions as fitdecode's
    default, dispatched more cheaply), to show what the importer adds on top of decoding.
    """
    import fitdecode
    from lxml import etree

    from stridewell.load.readers.fit import _Processor

    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False)
    warnings.simplefilter("ignore")  # fitdecode warns on bad CRCs; the timing is what counts
    n = 0
    for fmt, data in items:
        if fmt == "fit":
            try:
                processor = _Processor() if lean else fitdecode.DefaultDataProcessor()
                with fitdecode.FitReader(io.BytesIO(data), processor=processor) as reader:
                    for _ in reader:
                        n += 1
            except fitdecode.FitError:
                pass
        else:
            root = etree.fromstring(data.lstrip(b"\xef\xbb\xbf \t\r\n"), parser=parser)
            n += 0 if root is None else 1
    return n


# --- distinct copies -------------------------------------------------------------------

_CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
              0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)


def fit_crc(data: bytes) -> int:
    """Return the FIT CRC-16 of `data` (FIT protocol, section 3.3.7)."""
    crc = 0
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def _serial_offset(data: bytes) -> int | None:
    """Return the byte offset of file_id.serial_number (field 3, 4 bytes) in the first part."""
    header = data[0]
    size = struct.unpack_from("<I", data, 4)[0]
    pos, end = header, min(header + size, len(data))
    defs: dict[int, tuple[int, int, list[tuple[int, int]], int]] = {}
    while pos < end:
        rh = data[pos]
        pos += 1
        if rh & 0x80:  # compressed-timestamp data message
            local = (rh >> 5) & 0x3
        elif rh & 0x40:  # definition message
            arch = data[pos + 1]
            glob = struct.unpack_from(">H" if arch else "<H", data, pos + 2)[0]
            nf = data[pos + 4]
            fields = [(data[pos + 5 + 3 * i], data[pos + 6 + 3 * i]) for i in range(nf)]
            pos += 5 + 3 * nf
            dev = 0
            if rh & 0x20:
                nd = data[pos]
                dev = sum(data[pos + 2 + 3 * i] for i in range(nd))
                pos += 1 + 3 * nd
            defs[rh & 0x0F] = (glob, arch, fields, dev)
            continue
        else:
            local = rh & 0x0F
        if local not in defs:
            return None
        glob, _arch, fields, dev = defs[local]
        if glob == 0:
            off = pos
            for num, fsize in fields:
                if num == 3 and fsize == 4:
                    return off
                off += fsize
            return None
        pos += sum(s for _, s in fields) + dev
    return None


def distinct_fit(data: bytes, copy: int) -> bytes | None:
    """Return `data` with a new file_id serial number and a valid file CRC (None if unsure)."""
    try:
        off = _serial_offset(data)
    except (IndexError, struct.error):
        return None
    if off is None:
        return None
    size = data[0] + struct.unpack_from("<I", data, 4)[0]
    if size + 2 > len(data):
        return None
    out = bytearray(data)
    struct.pack_into("<I", out, off, 0x10000000 + copy)
    struct.pack_into("<H", out, size, fit_crc(bytes(out[:size])))
    return bytes(out)


def distinct(fmt: str, data: bytes, copy: int) -> bytes | None:
    """Return a copy of an activity file whose content hash differs from every other copy."""
    if fmt == "fit":
        return distinct_fit(data, copy)
    return data + f"\n<!-- copy {copy} -->\n".encode()


def build_export(files: list[Path], n: int, folder: Path) -> Path:
    """Write a Garmin-style export of `n` distinct activity files; returns the outer zip."""
    pool: list[tuple[str, str, bytes]] = []
    for p in files:
        fmt, data = _payload(p.name, p.read_bytes())
        if fmt != "fit" or distinct_fit(data, 0) is not None:
            pool.append((p.name.removesuffix(".gz").removesuffix(".GZ"), fmt, data))
    inner = folder / "UploadedFiles_0-_Part1.zip"
    outer = folder / "export.zip"
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zin, \
            zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as zout:
        for i in range(n):
            name, fmt, data = pool[i % len(pool)]
            body = distinct(fmt, data, i)
            assert body is not None
            if fmt == "fit" and i % 4 == 3:  # a Strava-style gzipped FIT in the outer zip
                zout.writestr(f"activities/{i}-{name}.gz", gzip.compress(body, 1))
            else:
                zin.writestr(f"{i}-{name}", body)
        zout.writestr("activities.csv", "id,type\n")
        zout.writestr("__MACOSX/._activities.csv", b"junk")
    with zipfile.ZipFile(outer, "a", zipfile.ZIP_STORED) as zout:
        zout.write(inner, "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip")
    inner.unlink()
    return outer


def export_items(outer: Path) -> list[tuple[str, bytes]]:
    """Return (format, bytes) of every activity file in the export (for the bare parse)."""
    items: list[tuple[str, bytes]] = []

    def walk(zf: zipfile.ZipFile) -> None:
        for info in zf.infolist():
            name = info.filename
            if name.startswith("__MACOSX") or name.endswith(".csv"):
                continue
            if name.endswith(".zip"):
                walk(zipfile.ZipFile(io.BytesIO(zf.read(info))))
            else:
                items.append(_payload(name, zf.read(info)))

    walk(zipfile.ZipFile(outer))
    return items


# --- measuring ------------------------------------------------------------------------

def _peak_kib() -> int:
    """Return this process's peak RSS in KiB.

    Linux keeps ru_maxrss across exec, so a spawned child would report the parent's size;
    VmHWM belongs to the new address space and starts afresh.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(fn: Callable[..., Any], args: tuple[Any, ...], queue: Any) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn(*args)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    queue.put((wall, cpu, _peak_kib(), out))


def measure(fn: Callable[..., Any], *args: Any) -> tuple[float, float, float, Any]:
    """Return (wall s, CPU s, peak RSS MiB, result) of fn(*args) in a fresh child process."""
    ctx = mp.get_context("spawn")  # a fresh interpreter: its peak RSS is that step alone
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, args, queue))
    proc.start()
    wall, cpu, peak_kib, out = queue.get()
    proc.join()
    return wall, cpu, peak_kib / 1024, out


def _import(paths: list[Path], known: frozenset[str] = frozenset()) -> dict[str, Any]:
    from stridewell.load import import_paths

    r = import_paths(paths, known_hashes=known)
    return {"sessions": len(r.sessions), "parsed": r.files_parsed, "seen": r.files_seen,
            "bytes": r.bytes_parsed, "problems": len(r.problems),
            "hashes": frozenset(r.new_hashes)}


def _idle() -> int:
    import fitdecode  # noqa: F401
    from lxml import etree  # noqa: F401

    import stridewell.load  # noqa: F401
    return 0


def bench(label: str, paths: list[Path], items: list[tuple[str, bytes]],
          rows: list[tuple[str, ...]]) -> None:
    """Time bare parse, our import and re-import of `paths`; append table rows.

    The ratio uses CPU seconds of each child: the development machine is shared, and CPU
    time moves less than wall time when other work runs beside the benchmark.
    """
    mb = sum(len(d) for _, d in items) / 1e6
    n = len(items)
    fit_n = sum(f == "fit" for f, _ in items)
    *_, base_mib, _ = measure(_idle)
    bare_w, bare_c, bare_mib, _ = measure(bare_parse, items)
    lean_w, lean_c, lean_mib, _ = measure(bare_parse, items, True)
    ours_w, ours_c, ours_mib, first = measure(_import, paths)
    again_w, again_c, again_mib, again = measure(_import, paths, first["hashes"])
    print(f"{label}: {n} files ({fit_n} FIT), {mb:.1f} MB; import read {first['parsed']} "
          f"files, {first['sessions']} sessions, {first['problems']} problems; "
          f"re-import parsed {again['parsed']} files; idle child {base_mib:.0f} MiB",
          file=sys.stderr)

    def row(step: str, wall: float, cpu: float, mib: float, vs: str) -> None:
        rows.append((label, step, str(n), f"{mb:.1f}", f"{wall:.2f}", f"{cpu:.2f}",
                     f"{n / cpu:.1f}", f"{mb / cpu:.2f}", f"{mib:.0f}", vs))

    row("bare parse (fitdecode / lxml)", bare_w, bare_c, bare_mib, "1.00x")
    row("bare parse, our FIT processor", lean_w, lean_c, lean_mib, f"{lean_c / bare_c:.2f}x")
    row("our import (zip, gz, hash, read, dedupe)", ours_w, ours_c, ours_mib,
        f"{ours_c / bare_c:.2f}x")
    row("re-import, unchanged (hashes known)", again_w, again_c, again_mib,
        f"{again_c / ours_c:.1%} of import")


def main() -> None:
    """Run the benchmark and print the table (markdown)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=3000, help="files in the synthetic export")
    ap.add_argument("--max-kb", type=int, default=100,
                    help="build the export from corpus files up to this size (typical watch files)")
    ap.add_argument("--skip-export", action="store_true", help="time the corpus only")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    files = activity_files(args.corpus)
    rows: list[tuple[str, ...]] = []
    unique: dict[str, tuple[str, bytes]] = {}
    for p in files:  # the corpus holds copies of some files; both sides parse each once
        fmt, data = _payload(p.name, p.read_bytes())
        unique.setdefault(hashlib.sha256(data).hexdigest(), (fmt, data))
    print(f"corpus: {len(files)} files, {len(unique)} distinct", file=sys.stderr)
    bench("corpus (distinct files)", [args.corpus], list(unique.values()), rows)
    if not args.skip_export:
        with tempfile.TemporaryDirectory() as tmp:
            small = [p for p in files if p.stat().st_size <= args.max_kb * 1000]
            outer = build_export(small, args.files, Path(tmp))
            bench(f"export zip ({args.files} files)", [outer], export_items(outer), rows)
    head = ("input", "step", "files", "MB", "wall s", "CPU s", "files/CPU s", "MB/CPU s",
            "peak RSS MiB", "vs bare (CPU)")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(head))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
