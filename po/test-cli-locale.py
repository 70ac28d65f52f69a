#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line speaks the user's language, machine formats do not.

test-cli-locale.py CLI PO_FILE LOCALEDIR SAMPLE

Runs `eyeline-cli check SAMPLE` with LANGUAGE=de LC_ALL=de_DE.UTF-8 and the
catalogue of the build tree (EYL_LOCALEDIR), and checks:
  - the text report uses the translations in PO_FILE (taken from the file
    now, not written down here) and decimal commas;
  - --format json and --format csv keep '.' and the numbers of a run in
    the C locale;
  - options are parsed the C way whatever the locale (--distance-m 2.5).
Prints TAP; exits 77 (skip) when the de_DE.UTF-8 locale is not installed.
"""

import csv
import io
import json
import locale
import os
import re
import subprocess
import sys

LOCALE = 'de_DE.UTF-8'


def parse_po(path):
    """{msgid: msgstr} of the translated, non-fuzzy entries (singular forms)."""
    entries = {}
    fields = {}
    key = None
    fuzzy = False

    def flush():
        nonlocal fields, fuzzy
        msgid = fields.get('msgid')
        msgstr = fields.get('msgstr', fields.get('msgstr[0]'))
        if msgid and msgstr and not fuzzy and 'msgctxt' not in fields:
            entries[msgid] = msgstr
        fields = {}
        fuzzy = False

    def unquote(text):
        escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}
        return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(1)), text[1:-1])

    with open(path, encoding='utf-8') as po:
        for line in po:
            line = line.strip()
            if not line:
                if fields:
                    flush()
                continue
            if line.startswith('#,') and 'fuzzy' in line:
                fuzzy = True
            if line.startswith('#'):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if match:
                if match.group(1) in ('msgctxt', 'msgid') and 'msgstr' in ''.join(fields):
                    flush()
                key = match.group(1)
                fields[key] = unquote(match.group(2))
            elif line.startswith('"') and key is not None:
                fields[key] += unquote(line)
    if fields:
        flush()
    return entries


def format_regex(fmt):
    """A printf format as a regular expression: "Page %u: %s" → r"Page \\d+: .*"."""
    out = ''
    pos = 0
    for match in re.finditer(r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(l|ll|h)?([diouxXeEfgGsc%])', fmt):
        out += re.escape(fmt[pos:match.start()])
        conv = match.group(2)
        out += {'%': '%', 's': '.*?', 'c': '.'}.get(conv, r'[-0-9.,]+')
        pos = match.end()
    return out + re.escape(fmt[pos:])


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=''):
        self.n += 1
        if cond:
            print(f'ok {self.n} - {name}')
        else:
            self.failed += 1
            print(f'not ok {self.n} - {name}')
            for line in str(detail).splitlines()[:30]:
                print(f'# {line}')


def run(cli, args, env):
    proc = subprocess.run([cli] + args, env=env, capture_output=True, timeout=600)
    return (proc.returncode, proc.stdout.decode('utf-8', 'replace'),
            proc.stderr.decode('utf-8', 'replace'))


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    cli, po_path, localedir, sample = sys.argv[1:]
    sys.stdout.reconfigure(encoding='utf-8', errors='backslashreplace')

    try:
        locale.setlocale(locale.LC_ALL, LOCALE)
        locale.setlocale(locale.LC_ALL, 'C')
    except locale.Error:
        print(f'1..0 # SKIP the {LOCALE} locale is not installed (locale-gen {LOCALE})')
        return 77

    tr = parse_po(po_path)
    base = dict(os.environ)
    for var in ('LANG', 'LC_ALL', 'LC_MESSAGES', 'LC_NUMERIC', 'LANGUAGE'):
        base.pop(var, None)
    base['NO_COLOR'] = '1'
    de = dict(base, LANGUAGE='de', LC_ALL=LOCALE, EYL_LOCALEDIR=localedir)
    c = dict(base, LANGUAGE='C', LC_ALL='C.UTF-8', EYL_LOCALEDIR=localedir)

    t = Tap()
    print('1..13')

    # --- the text report, in German --------------------------------------
    status, text, err = run(cli, ['check', sample], de)
    t.ok(status in (0, 1), 'German check runs', f'exit {status}\n{err}')

    # Strings every report of the sample has: the fix label, the page line,
    # the summary line's first part.  Their translation comes from de.po.
    for msgid in ('Fix:', '  Page %u: %s, %.0f × %.0f mm at %s (%s), customer focus %d/100\n',
                  '%u file checked'):
        msgstr = tr.get(msgid)
        if msgstr is None or msgstr == msgid:
            t.ok(False, f'de.po translates {msgid!r}', 'missing or untranslated in de.po')
            continue
        t.ok(re.search(format_regex(msgstr.strip('\n')), text) is not None
             and re.search(format_regex(msgid.strip('\n')), text) is None,
             f'report says {msgstr.strip()!r}', text)

    # The rule messages are translated too (produced in the worker).
    english_rule = re.compile(r'is hidden by|above the floor|Fix:')
    t.ok(english_rule.search(text) is None, 'no English rule text left', text)

    # Decimal commas in the text: the sample's placement reason names
    # "1.5 m"; no number with a decimal point may be left.
    decimal_points = re.findall(r'\b\d+\.\d+\s*(?:m|mm|%|:1)\b', text)
    decimal_commas = re.findall(r'\b\d+,\d+\s*(?:m|mm|%|:1)\b', text)
    t.ok(decimal_commas and not decimal_points, 'text report uses decimal commas',
         f'commas {decimal_commas}, points {decimal_points}')

    # --- JSON: parseable, '.' and the same numbers as in the C locale ------
    def numbers(node):
        if isinstance(node, dict):
            return {k: numbers(v) for k, v in node.items()
                    if k not in ('message', 'fix', 'placement_reason', 'warnings', 'name',
                                 'description', 'title', 'why', 'error_message')}
        if isinstance(node, list):
            return [numbers(v) for v in node]
        return node

    status_de, json_de, err_de = run(cli, ['check', '--format', 'json', sample], de)
    status_c, json_c, err_c = run(cli, ['check', '--format', 'json', sample], c)
    try:
        report_de = json.loads(json_de)
        report_c = json.loads(json_c)
        parsed = True
    except ValueError as e:
        parsed = False
        t.ok(False, 'JSON parses under de_DE', f'{e}\n{err_de}')
        t.ok(False, 'JSON numbers are the same as in the C locale')
        t.ok(False, 'JSON messages are translated, field names are not')
    if parsed:
        t.ok(True, 'JSON parses under de_DE')
        t.ok(numbers(report_de) == numbers(report_c),
             'JSON numbers are the same as in the C locale')
        finding = report_de['files'][0]['pages'][0]['findings'][0]
        t.ok(finding['message'] != report_c['files'][0]['pages'][0]['findings'][0]['message'],
             'JSON messages are translated, field names are not',
             json.dumps(finding, ensure_ascii=False))

    # --- CSV: English header, numbers with '.' ----------------------------
    _, csv_de, err = run(cli, ['check', '--format', 'csv', sample], de)
    _, csv_c, _ = run(cli, ['check', '--format', 'csv', sample], c)
    rows_de = list(csv.DictReader(io.StringIO(csv_de, newline='')))
    rows_c = list(csv.DictReader(io.StringIO(csv_c, newline='')))
    t.ok(csv_de.split('\r\n')[0] == csv_c.split('\r\n')[0] and len(rows_de) == len(rows_c) > 0,
         'CSV has the C header and the same rows', csv_de[:2000])
    bad = []
    columns = ('x0', 'y0', 'x1', 'y1', 'hidden_fraction', 'eye_zone_fraction',
               'floor_bottom_mm', 'floor_top_mm', 'cap_height_mm')
    for row_de, row_c in zip(rows_de, rows_c):
        for col in columns:
            if row_de[col] != row_c[col]:
                bad.append((col, row_de[col], row_c[col]))
            elif row_de[col]:
                float(row_de[col])
    t.ok(not bad, 'CSV numbers use "." as in the C locale', bad[:10])

    # --- options are parsed the C way -------------------------------------
    status, out, err = run(cli, ['check', '--format', 'json', '--distance-m', '2.5',
                                 '--size-mm', '850.5x2000', sample], de)
    try:
        page = json.loads(out)['files'][0]['pages'][0]
        values = (page['placement_settings']['distance_m'], page['material_mm'])
    except (ValueError, KeyError, IndexError) as e:
        values = e
    t.ok(status in (0, 1) and values == (2.5, [850.5, 2000.0]),
         '--distance-m 2.5 and --size-mm 850.5x2000 work under de_DE',
         f'exit {status}: {values}\n{err}')
    status, text, err = run(cli, ['check', '--distance-m', 'zwei', sample], de)
    t.ok(status == 2 and '„zwei“' in err, 'usage errors are German', f'exit {status}\n{err}')

    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
