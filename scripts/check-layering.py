#!/usr/bin/env python3
"""Keeps the layers apart: fails when an #include crosses a line the
architecture draws (README, "Architecture").

  scripts/check-layering.py [--root DIR] [--qt-include DIR]

Rules:
  1. core/ is the library everything stands on: no QtGui, QtWidgets, QtCharts
     or QtSvg header anywhere in it.
  2. ui/ talks to the keyring only: never to core/bao/BaoClient.h or an HTTP
     transport (core/bao/*Transport*.h).
  3. The embedded signer (core/signer) is never part of the client: only the
     signer itself, its executable (app/signer), the desktop app's in-process
     signer host (ui/connection/Session) and tests or benchmarks include it.
  4. No include cycle between folders (core/bao, ui/keys, app/cli, ...).

Exit 0 when every rule holds, 1 naming each include that breaks one, 2 on bad use.
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SOURCE_SUFFIXES = ('.h', '.hpp', '.cpp')
LAYERS = ('app', 'core', 'ui')

# Modules core/ must not use, by their include folder under the Qt headers.
GUI_MODULES = ('QtGui', 'QtWidgets', 'QtCharts', 'QtSvg', 'QtSvgWidgets', 'QtOpenGL', 'QtOpenGLWidgets')
QT_INCLUDE_GUESSES = ('/usr/include/x86_64-linux-gnu/qt6', '/usr/include/aarch64-linux-gnu/qt6', '/usr/include/qt6')

CLIENT_TRANSPORT = re.compile(r'^core/bao/(BaoClient\.h|[A-Za-z]*Transport[A-Za-z]*\.h)$')
SIGNER_HOSTS = ('ui/connection/Session.h', 'ui/connection/Session.cpp')


def sources(root):
    for layer in LAYERS:
        for folder, _, names in os.walk(os.path.join(root, layer)):
            for name in sorted(names):
                if name.endswith(SOURCE_SUFFIXES):
                    path = os.path.join(folder, name)
                    yield os.path.relpath(path, root).replace(os.sep, '/')


def gui_headers(qt_include):
    """Names of the headers of the GUI modules (QWidget, QColor, QtGui/QImage...)."""
    names = set()
    for module in GUI_MODULES:
        folder = os.path.join(qt_include, module)
        if not os.path.isdir(folder):
            continue
        names.add(module)
        for name in os.listdir(folder):
            names.add(name)
            names.add(module + '/' + name)
    return names


def resolve(root, including, target, kind):
    """The repository path an include names, or None for a system header."""
    if kind == '<':
        return None
    candidates = [os.path.join(os.path.dirname(including), target), target]
    if including.startswith('app/'):
        candidates.append('app/' + target)
    for candidate in candidates:
        candidate = os.path.normpath(candidate).replace(os.sep, '/')
        if os.path.isfile(os.path.join(root, candidate)):
            return candidate
    return None


def folder_of(path):
    parts = path.split('/')
    return '/'.join(parts[:2]) if len(parts) > 2 else parts[0]


def cycles(graph):
    """Strongly connected components of more than one folder (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--root', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    parser.add_argument('--qt-include', default=next((d for d in QT_INCLUDE_GUESSES if os.path.isdir(d)), None))
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    if not args.qt_include or not os.path.isdir(args.qt_include):
        print('check-layering: Qt 6 headers not found; name them with --qt-include', file=sys.stderr)
        return 2
    forbidden_in_core = gui_headers(args.qt_include)

    problems = []
    graph = {}
    edges = {}
    count = 0
    for path in sources(root):
        count += 1
        with open(os.path.join(root, path), encoding='utf-8', errors='replace') as file:
            text = file.read()
        for match in INCLUDE.finditer(text):
            kind, target = match.group(1), match.group(2)
            line = text.count('\n', 0, match.start()) + 1
            where = f'{path}:{line}: #include {kind}{target}{">" if kind == "<" else chr(34)}'
            if path.startswith('core/') and (target in forbidden_in_core or target.split('/')[0] in GUI_MODULES):
                problems.append(f'{where}: core/ must not use Qt GUI modules (rule 1)')
            resolved = resolve(root, path, target, kind)
            if resolved is None:
                continue
            if path.startswith('ui/') and CLIENT_TRANSPORT.match(resolved):
                problems.append(f'{where}: ui/ talks to the keyring, never to the client or a transport (rule 2)')
            if (resolved.startswith('core/signer/') and not path.startswith(('core/signer/', 'app/signer/'))
                    and path not in SIGNER_HOSTS):
                problems.append(f'{where}: the embedded signer is not part of the client (rule 3)')
            source_folder, target_folder = folder_of(path), folder_of(resolved)
            if source_folder != target_folder:
                graph.setdefault(source_folder, set()).add(target_folder)
                edges.setdefault((source_folder, target_folder), where)
    for component in cycles(graph):
        members = set(component)
        examples = [where for (a, b), where in sorted(edges.items()) if a in members and b in members]
        problems.append('include cycle between folders ' + ' <-> '.join(component) + ' (rule 4):\n    ' +
                        '\n    '.join(examples))

    if problems:
        print(f'check-layering: {len(problems)} include(s) break the layering:', file=sys.stderr)
        for problem in problems:
            print('  ' + problem, file=sys.stderr)
        return 1
    print(f'check-layering: {count} files in app/, core/ and ui/ keep the layers apart '
          f'({len(graph)} folders, no cycle)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
