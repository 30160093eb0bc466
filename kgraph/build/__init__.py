"""The build: documents -> extractions -> resolution -> episode nodes -> outputs on demand.

`pipeline` has the stages, `workers` runs their work on any executor, `store` keeps results
under the complete keys of `keys`, and `outputs` adds episodes' shares up into formats."""

import sys
from types import ModuleType
from typing import Any


class _CallablePackage(ModuleType):
    """`kgraph.build(...)` is the library's build function, and `kgraph.build` is also this
    package: importing the package makes it the attribute, so calling it calls the function."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from kgraph.api import build

        return build(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
