"""mkdocs.yml read as plain YAML, without MkDocs: the build's checks before any engine runs, and
the compiled folder's config, which keeps mkdocs.yml's own settings as written."""

from __future__ import annotations

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """MkDocs' own tags (!ENV, !relative) need MkDocs to resolve: here they read as no value."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def parse_config(text: str) -> dict:
    """The settings of mkdocs.yml's text; raises yaml.YAMLError on YAML that does not parse."""
    return yaml.load(text, Loader=_ConfigLoader) or {}
