#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without building it: valid JSON, the
application id and command of the project, every downloaded source pinned
by url and sha256, and no wide file-system access (the file chooser portal
gives the window the files and folders the user picks).

    check-manifest.py MANIFEST APPLICATION_ID
"""
import json
import re
import sys

SHA256 = re.compile(r"^[0-9a-f]{64}$")
DOWNLOADED = {"archive", "file"}
TOO_WIDE = {"host", "host-os", "host-etc", "home"}


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, app_id = argv[1], argv[2]
    problems = []

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}")
        return 1

    if manifest.get("id") != app_id:
        problems.append(f"id is {manifest.get('id')!r}, not {app_id!r}")
    if manifest.get("command") != "eyeline":
        problems.append(f"command is {manifest.get('command')!r}, not 'eyeline'")
    for key in ("runtime", "runtime-version", "sdk"):
        if not manifest.get(key):
            problems.append(f"no {key}")

    for arg in manifest.get("finish-args", []):
        if arg.startswith("--filesystem="):
            where = arg.split("=", 1)[1].split(":", 1)[0]
            if where in TOO_WIDE:
                problems.append(f"{arg}: the file chooser portal is enough")

    modules = manifest.get("modules", [])
    if not modules or modules[-1].get("name") != "eyeline":
        problems.append("the last module is not eyeline")
    n_sources = 0
    for module in modules:
        name = module.get("name", "?")
        if not module.get("sources"):
            problems.append(f"{name}: no sources")
        for source in module.get("sources", []):
            if source.get("type") not in DOWNLOADED:
                continue
            n_sources += 1
            url = source.get("url", "")
            if not url.startswith("https://"):
                problems.append(f"{name}: url {url!r} is not https")
            if not SHA256.match(source.get("sha256", "")):
                problems.append(f"{name}: {url or 'a source'} has no sha256")

    for p in problems:
        print(f"{path}: {p}")
    if problems:
        return 1
    print(f"{path}: {len(modules)} modules, {n_sources} downloaded sources, each pinned by sha256")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
