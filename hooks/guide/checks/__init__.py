"""The checks of the built output, whatever engine wrote it.

    findings        Finding (file, line, field, message, hint) and report: the one shape of every
                    problem the guide reports, content errors included (guide.errors)
    registry        the named page checks (@page_check) that verify_tree runs on every page
    pages           every HTML page: Expectations, the page checks, verify_site
    svg             every SVG picture against an allow-list
    internal_links  every link inside the site leads to a file of the site, and to a part (#x) it has

Imports nothing itself: guide.errors uses the finding type while the checks import the content loader.
"""
