"""The checks of the built output, whatever engine wrote it.

    pages           every HTML page: the safety boxes, placeholders, sources, links (verify_site)
    svg             every SVG picture against an allow-list
    internal_links  every link inside the site leads to a file of the site

Imports nothing itself: guide.errors uses the finding type while the checks import the content loader.
"""
