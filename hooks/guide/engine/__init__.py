"""Stage 3, engine: what MkDocs or Zensical is given, and what is done to what it writes.

Owns mkdocs.yml read without MkDocs (config_file), the compiled folder Zensical builds (folder), the one module that imports MkDocs to run our
hook events outside `mkdocs build` (mkdocs_adapter), the corrections to the theme's HTML applied
to either engine's pages (theme_markup) and the Pagefind index over the built HTML
(search_index). hooks/guide_hooks.py, outside the package, is MkDocs' side of the same adapter.
"""
