#!/usr/bin/env python3
"""Runs every file of a mesh corpus through the real program's import and head preparation.

Each file goes through `smp-studio measure --head FILE --design DESIGN`: import, units, orientation,
landmarks, scalp zones and the design's dots. Each must end in a loaded head (exit 0) or one clear
line (exit 2, a single "smp-studio: FILE: why" line). Anything else fails the run: a crash or any
other exit, a hang (killed at the time limit), or more memory than the limit. With --expect, each
listed file must also end the way expected.tsv says ("head" or "refuse").

Prints a table per format (the file's extension) and writes one row per file with --report.
Exit 0: all good; 1: failures (listed); 77: no corpus there (the test is skipped).

usage: run_mesh_corpus.py --bin SMP_STUDIO --design DESIGN [--expect TSV] [--per-format N]
                          [--time-limit S] [--memory-gb G] [--report TSV] PATH...
"""
import argparse
import collections
import os
import signal
import sys
import tempfile
import time


def corpus_files(paths, per_format):
    """Every file under `paths`, sorted; with per_format, only the first N of each extension, plus
    every file in a folder named invalid (those are the point of the corpus)."""
    files = []
    for p in paths:
        if os.path.isfile(p):
            files.append(p)
        for root, _, names in os.walk(p):
            files += [os.path.join(root, n) for n in names if n != "expected.tsv"]
    files.sort()
    if not per_format:
        return files
    taken, kept = collections.Counter(), []
    for f in files:
        ext = extension(f)
        if os.sep + "invalid" + os.sep in f or taken[ext] < per_format:
            taken[ext] += 1
            kept.append(f)
    return kept


def extension(path):
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    return ext or "(none)"


def run_one(args, path):
    """(outcome, seconds, peak kB, message): outcome is head, refused, unclear, crash or hang."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err_file:
        pid = os.posix_spawn(args.bin, [args.bin, "measure", "--head", path, "--design", args.design], os.environ,
                             file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                                           (os.POSIX_SPAWN_DUP2, err_file.fileno(), 2)], setpgroup=0)
        hung = False
        while True:  # wait4: the child's own peak memory (its importer child's too, once reaped)
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() - start > args.time_limit and not hung:
                os.killpg(pid, signal.SIGKILL)
                hung = True
            time.sleep(0.01)
        err_file.seek(0)
        err = err_file.read().decode("utf-8", "replace")
    seconds, peak_kb = time.monotonic() - start, usage.ru_maxrss
    returncode = os.waitstatus_to_exitcode(status)
    lines = [l for l in err.splitlines() if l.startswith("smp-studio: ")]
    message = lines[-1] if lines else ""
    if hung:
        return "hang", seconds, peak_kb, "killed after %d s" % args.time_limit
    if returncode == 0:
        return "head", seconds, peak_kb, ""
    if returncode == 2 and len(lines) == 1 and path in message:
        return "refused", seconds, peak_kb, message
    if returncode == 2:
        return "unclear", seconds, peak_kb, " | ".join(lines) or "(no message)"
    return "crash", seconds, peak_kb, "exit %d: %s" % (returncode, " | ".join(lines) or err[-300:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--design", required=True)
    parser.add_argument("--expect")
    parser.add_argument("--per-format", type=int, default=0)
    parser.add_argument("--time-limit", type=int, default=150)
    parser.add_argument("--memory-gb", type=float, default=10)
    parser.add_argument("--report")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    if not any(os.path.exists(p) for p in args.paths):
        print("no corpus at %s (Debian: apt-get install assimp-testmodels); skipped" % " ".join(args.paths))
        return 77
    expected = {}
    if args.expect:
        with open(args.expect) as f:
            for line in f:
                name, outcome, why = line.rstrip("\n").split("\t")
                expected[name] = (outcome, why)

    files = corpus_files(args.paths, args.per_format)
    rows, failures = [], []
    per_format = collections.defaultdict(collections.Counter)
    slowest, heaviest = collections.Counter(), collections.Counter()
    for i, path in enumerate(files, 1):
        outcome, seconds, peak_kb, message = run_one(args, path)
        peak_mb = (peak_kb or 0) / 1024
        ext = extension(path)
        per_format[ext][outcome] += 1
        slowest[ext] = max(slowest[ext], seconds)
        heaviest[ext] = max(heaviest[ext], peak_mb)
        rows.append((path, outcome, "%.2f" % seconds, "%.0f" % peak_mb, message))
        print("[%d/%d] %-7s %5.2f s %6.0f MB  %s  %s" % (i, len(files), outcome, seconds, peak_mb, path, message), flush=True)
        if outcome in ("unclear", "crash", "hang"):
            failures.append("%s: %s (%s)" % (path, outcome, message))
        if peak_mb > args.memory_gb * 1024:
            failures.append("%s: peak memory %.0f MB, over the %.0f GB limit" % (path, peak_mb, args.memory_gb))
        want = expected.get(os.path.basename(path))
        if want and {"head": "head", "refuse": "refused"}[want[0]] != outcome:
            failures.append("%s: expected %s (%s), got %s %s" % (path, want[0], want[1], outcome, message))
    missing = set(expected) - {os.path.basename(f) for f in files}
    failures += ["%s: listed in %s but not found" % (name, args.expect) for name in sorted(missing)]

    print("\n| format | files | loaded as a head | refused with one clear line | unclear | crashes | hangs | slowest s | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    total = collections.Counter()
    for ext in sorted(per_format):
        c = per_format[ext]
        total.update(c)
        print("| %s | %d | %d | %d | %d | %d | %d | %.2f | %.0f |" % (ext, sum(c.values()), c["head"], c["refused"], c["unclear"], c["crash"],
                                                                  c["hang"], slowest[ext], heaviest[ext]))
    print("| **all** | %d | %d | %d | %d | %d | %d | %.2f | %.0f |" % (sum(total.values()), total["head"], total["refused"], total["unclear"],
                                                                     total["crash"], total["hang"], max(slowest.values(), default=0),
                                                                     max(heaviest.values(), default=0)))
    if args.report:
        with open(args.report, "w") as f:
            f.write("file\toutcome\tseconds\tpeak_mb\tmessage\n")
            f.writelines("\t".join(r) + "\n" for r in rows)
    if failures:
        print("\n%d failures:\n  %s" % (len(failures), "\n  ".join(failures)))
        return 1
    print("\n%d files, no crash, no hang, every refusal one clear line" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
