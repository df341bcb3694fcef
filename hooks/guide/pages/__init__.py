"""Stage 2, pages: validated content compiled into pages and navigation any engine can build.

Owns the generated Markdown pages and the nav (render), the home-programme pages (programme),
the safety boxes and their one renderer (safety_html, brand_html, templates/), the boxes written
into each page's Markdown (frame) and the Markdown extension that marks links to other sites
(mdx_links). Nothing here imports MkDocs.
"""
