#!/usr/bin/env python3
"""Check (or rewrite) the README's examples against the real binary.

Every fenced block in README.md whose first line starts with "$ " is an example: lines starting
with "$ " are commands (a trailing backslash continues a command on the next line), the lines
after a command until the next one are its output (stdout and stderr together, as a terminal
shows them).

All examples run in order, in one shell, in a scratch folder holding a copy of the repository's
Data/, Rubrics/ and Tests/ fixtures — so an example may change a workspace (init, add, log…) and
a later one sees the change, while the repository itself is never touched. `partnerkit` is the
built binary (default .build/debug/partnerkit; --binary to choose).

Two HTML comments steer an example, on the lines just before its fence:

    <!-- example-setup
    commands run before the block, not shown
    -->
    <!-- example: shortened -->

A shortened example shows a selection of the output: each shown line must appear, in order, in
the real output; a line that is only "…" stands for any lines, and "…" inside a line stands for
any text. --write rewrites full examples from the real output and reports shortened ones that
no longer match (those are edited by hand).

Usage: Scripts/readme_examples.py [--write] [--binary PATH] [README.md]
Exit 0 when every example matches (or was rewritten), 1 otherwise.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```")
SETUP_START = "<!-- example-setup"
SHORTENED = "<!-- example: shortened -->"


class Example:
    def __init__(self, start, end, setup, shortened, commands):
        self.start = start  # index of the opening fence line
        self.end = end  # index of the closing fence line
        self.setup = setup  # list of shell lines
        self.shortened = shortened
        self.commands = commands  # list of (command lines, output lines)


def parse(lines):
    examples = []
    i = 0
    while i < len(lines):
        if not FENCE.match(lines[i]):
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(lines) and not FENCE.match(lines[j]):
            j += 1
        body = lines[start + 1 : j]
        if body and body[0].startswith("$ ") and lines[start].strip() == "```":
            examples.append(
                Example(start, j, setup_before(lines, start), shortened_before(lines, start),
                        split_commands(body)))
        i = j + 1
    return examples


def comments_before(lines, start):
    """The HTML comments directly above a fence, top to bottom."""
    block = []
    k = start - 1
    while k >= 0 and lines[k].strip().endswith("-->"):
        end = k
        while k >= 0 and not lines[k].lstrip().startswith("<!--"):
            k -= 1
        if k < 0:
            break
        block = lines[k : end + 1] + block
        k -= 1
    return block


def setup_before(lines, start):
    block = comments_before(lines, start)
    setup = []
    inside = False
    for line in block:
        if line.startswith(SETUP_START):
            inside = True
            continue
        if inside and line.strip() == "-->":
            inside = False
            continue
        if inside:
            setup.append(line)
    return setup


def shortened_before(lines, start):
    return any(line.strip() == SHORTENED for line in comments_before(lines, start))


def split_commands(body):
    commands = []
    k = 0
    while k < len(body):
        if body[k].startswith("$ "):
            command = [body[k]]
            while command[-1].endswith("\\") and k + 1 < len(body):
                k += 1
                command.append(body[k])
            commands.append((command, []))
        elif commands:
            commands[-1][1].append(body[k])
        k += 1
    return commands


def run_all(examples, binary, root):
    """Runs every command in one bash, returns the outputs in order."""
    marker = "@@readme-example-output@@"
    script = ["set +e", f'partnerkit() {{ "{binary}" "$@"; }}', "export -f partnerkit"]
    for example in examples:
        script.append(f"echo '{marker}setup'")
        script.extend(example.setup)
        for command, _ in example.commands:
            # Keep the previous command's status across the marker, for `echo $?`.
            script.append(f"__status=$?; echo '{marker}command'; (exit $__status)")
            text = "\n".join(command)
            script.append(text[2:] + " 2>&1")
    scratch = tempfile.mkdtemp(prefix="readme-examples-")
    try:
        for folder in ("Data", "Rubrics", "Tests"):
            source = os.path.join(root, folder)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(scratch, folder),
                                ignore=shutil.ignore_patterns("*.swift"))
        environment = dict(os.environ, COLUMNS="100", NO_COLOR="1", TZ="UTC")
        result = subprocess.run(["bash", "-c", "\n".join(script)], cwd=scratch,
                                capture_output=True, text=True, env=environment)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    outputs = []
    for chunk in result.stdout.split(marker)[1:]:
        kind, _, text = chunk.partition("\n")
        if kind == "command":
            outputs.append(text.rstrip("\n").split("\n") if text.strip() else [])
    return outputs, result.stderr


def matches_shortened(shown, real):
    position = 0
    for line in shown:
        if line.strip() in ("…", "..."):
            continue
        pieces = line.split("…")
        while position < len(real):
            candidate = real[position]
            position += 1
            if fits(pieces, candidate):
                break
        else:
            return False, line
    return True, None


def fits(pieces, candidate):
    if len(pieces) == 1:
        return pieces[0] == candidate
    if not candidate.startswith(pieces[0]):
        return False
    at = len(pieces[0])
    for piece in pieces[1:-1]:
        found = candidate.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return candidate.endswith(pieces[-1]) and len(candidate) - len(pieces[-1]) >= at


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("readme", nargs="?", default="README.md")
    parser.add_argument("--write", action="store_true", help="rewrite stale full examples")
    parser.add_argument("--binary", default=".build/debug/partnerkit")
    arguments = parser.parse_args()
    root = os.path.dirname(os.path.abspath(arguments.readme))
    binary = os.path.abspath(arguments.binary)
    if not os.access(binary, os.X_OK):
        print(f"{binary}: error: no partnerkit binary (run `swift build` first)", file=sys.stderr)
        return 1
    with open(arguments.readme, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    examples = parse(lines)
    outputs, stderr = run_all(examples, binary, root)
    expected = sum(len(example.commands) for example in examples)
    if len(outputs) != expected:
        print(f"error: ran {expected} commands but read {len(outputs)} outputs\n{stderr}",
              file=sys.stderr)
        return 1
    failures = 0
    replacements = {}
    index = 0
    for example in examples:
        body = []
        stale = False
        for command, shown in example.commands:
            real = outputs[index]
            index += 1
            line_number = example.start + 2
            body.extend(command)
            if example.shortened:
                ok, missing = matches_shortened(shown, real)
                body.extend(shown)
                if not ok:
                    failures += 1
                    print(f"{arguments.readme}:{line_number}: error: shortened example "
                          f"`{command[0][2:]}` shows a line the real output lacks: {missing!r}"
                          "\n    real output:\n      " + "\n      ".join(real))
            else:
                body.extend(real)
                if shown != real:
                    stale = True
                    if not arguments.write:
                        failures += 1
                        print(f"{arguments.readme}:{line_number}: error: example "
                              f"`{command[0][2:]}` differs from the real output")
                        for diff_line in unified(shown, real):
                            print("    " + diff_line)
        if stale:
            replacements[example.start] = (example.end, body)
    if arguments.write and replacements:
        new_lines = []
        k = 0
        while k < len(lines):
            if k in replacements:
                end, body = replacements[k]
                new_lines.append(lines[k])
                new_lines.extend(body)
                new_lines.append(lines[end])
                k = end + 1
            else:
                new_lines.append(lines[k])
                k += 1
        temporary = arguments.readme + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write("\n".join(new_lines))
        os.replace(temporary, arguments.readme)
        print(f"rewrote {len(replacements)} example(s) in {arguments.readme}")
    print(f"{arguments.readme}: {len(examples)} examples, {expected} commands, "
          f"{failures} {'mismatch' if failures == 1 else 'mismatches'}")
    return 1 if failures else 0


def unified(shown, real):
    import difflib
    return list(difflib.unified_diff(shown, real, "README", "real", lineterm="", n=1))[2:]


if __name__ == "__main__":
    sys.exit(main())
