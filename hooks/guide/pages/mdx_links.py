"""A Markdown extension that opens and marks links to other websites (guide.links), for engines
that run no MkDocs hooks: the compiled folder's mkdocs.yml lists it, so Python-Markdown marks each
page's links as the hooks' on_page_context does under MkDocs. Links in raw HTML too (the sources
page writes its list as HTML), so it works on the finished HTML of the page, not on its tree.

    markdown_extensions:
      - guide.pages.mdx_links:
          site_url: https://example.org/
          hidden: " (opens another website)"
"""

from __future__ import annotations

from markdown import Extension
from markdown.postprocessors import Postprocessor

from .. import links


class _Mark(Postprocessor):
    def __init__(self, md, site_url: str, hidden: str):
        super().__init__(md)
        self.site_url, self.hidden = site_url, hidden

    def run(self, text: str) -> str:
        return links.mark_external_links(text, self.site_url or None, self.hidden)


class ExternalLinks(Extension):
    def __init__(self, **kwargs):
        self.config = {"site_url": ["", "the site's own address: its links are not external"],
                       "hidden": [links.HIDDEN_TEXT, "what a screen reader reads after an external link"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After the raw HTML is put back (priority 30), so the boxes' and lists' links are seen too.
        md.postprocessors.register(_Mark(md, self.getConfig("site_url"), self.getConfig("hidden")), "pn_external_links", 5)


def makeExtension(**kwargs):
    return ExternalLinks(**kwargs)
