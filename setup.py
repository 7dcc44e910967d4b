"""The optional compiled block walk (``src/articlex/_walk.pyx``); everything else is in pyproject.toml.

The extension is built when Cython and a C compiler are there. When the build fails (no
compiler, no Python headers), the install goes on without it and articlex runs its Python walk,
which gives the same result, only slower. ``ARTICLEX_PURE_PYTHON=1`` at install time skips the
build altogether.
"""

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that reports a failed build instead of failing the install."""

    def run(self):
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 (a missing compiler raises many kinds of errors)
            _skipped(error)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as error:  # noqa: BLE001
            _skipped(error)


def _skipped(error):
    print(f"articlex: the compiled block walk was not built ({type(error).__name__}: {error}); "
          "the Python walk will be used", file=sys.stderr)


def _extensions():
    if os.environ.get("ARTICLEX_PURE_PYTHON"):
        return []
    try:
        import lxml
        from Cython.Build import cythonize
        from setuptools import Extension
    except ImportError as error:
        _skipped(error)
        return []
    extension = Extension("articlex._walk", ["src/articlex/_walk.pyx"], include_dirs=lxml.get_include())
    try:
        return cythonize([extension], language_level=3, quiet=True)
    except Exception as error:  # noqa: BLE001 (Cython failing on an unknown lxml layout)
        _skipped(error)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
