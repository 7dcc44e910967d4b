"""Work functions for the worker-pool tests: importable by name, as spawned workers need."""

from __future__ import annotations

import os
import time

from articlex.batch import Document, Result, extract_document


def slow_or_stuck(document: Document, options: dict) -> Result:
    """Extracts as usual, but hangs on a document named '...hang...', dies on '...crash...', and
    takes a moment on '...slow...' (so later documents finish first)."""
    if "hang" in document.name:
        time.sleep(600)
    if "crash" in document.name:
        os._exit(3)
    if "slow" in document.name:
        time.sleep(1.0)
    return extract_document(document, options)
