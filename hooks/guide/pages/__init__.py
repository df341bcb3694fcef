"""Stage 2, pages: validated content compiled into pages and navigation any engine can build.

Owns the generated Markdown pages, one module a job: every page of an edition (render), the
words and placeholders (wording), where each page lives, which pages a language edition
publishes and which show an out-of-date notice (paths), what pages share (parts), review
metadata and JSON-LD (metadata), articles (articles), exercises and the printable home programme
(exercises), the library, glossary, sources and contents pages (lists), the nav (navigation); the
home-programme builder pages (programme),
the one template environment (templating), the safety boxes and their one renderer (safety_html,
brand_html, templates/), the boxes written
into each page's Markdown (frame) and the Markdown extension that marks links to other sites
(mdx_links). Nothing here imports MkDocs.
"""
