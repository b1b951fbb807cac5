"""Executes a notebook top to bottom with nbclient on a named Jupyter kernel, in the notebook's folder.

usage: execute_notebook.py NOTEBOOK OUTPUT KERNEL_NAME CELL_TIMEOUT_SECONDS

Writes the executed notebook (with nbclient's per-cell timing metadata) to OUTPUT, also when a cell fails.
Exit code 0: every cell ran; 2: a cell raised an error (the executed copy holds it); 1: anything else.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(source, output, kernel_name, cell_timeout):
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel_name, timeout=int(cell_timeout), record_timing=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}})
    code = 0
    try:
        client.execute()
    except CellExecutionError as error:
        print(str(error).splitlines()[0] if str(error) else "a cell failed", file=sys.stderr)
        code = 2
    nbformat.write(notebook, output)
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
